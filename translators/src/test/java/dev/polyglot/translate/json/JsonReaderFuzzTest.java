package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;

/**
 * Fuzzes the JSON reader in both dialects. The first byte picks the dialect (high bit) and the zoo
 * type; the rest is the JSON text. Any input must either be rejected with a
 * {@link TranscodeException} or be accepted, and then what we write for it must read back to the
 * same wire bytes. A normal test run replays the seeds in {@code JsonReaderFuzzTestInputs}; run
 * with {@code JAZZER_FUZZ=1} to fuzz.
 */
class JsonReaderFuzzTest {
  private static final Transcoder TRANSCODER = Zoo.transcoder(Limits.builder().maxDepth(32).maxContainerSize(1000).build());
  private static final String[] THRIFT = {"Order", "Scalars", "Containers", "Tree", "Choice", "Dims"};
  private static final String[] PROTO = {"Scalars", "Known", "Containers", "Choice", "Tree", "Dims"};

  @FuzzTest(maxDuration = "60s")
  void readerNeverFailsOtherwise(byte[] data) {
    if (data.length == 0) return;
    boolean proto = (data[0] & 0x80) != 0;
    int pick = (data[0] & 0x7f) % THRIFT.length;
    StructPlan plan = proto ? Zoo.proto(PROTO[pick]) : Zoo.thrift(THRIFT[pick]);
    WireFormat json = proto ? WireFormat.PROTO_JSON : WireFormat.THRIFT_JSON;
    WireFormat wire = proto ? WireFormat.PROTOBUF : WireFormat.THRIFT_BINARY;
    byte[] first;
    try {
      first = TRANSCODER.transcode(plan, json, wire, data, 1, data.length - 1);
    } catch (TranscodeException rejected) {
      return;
    }
    byte[] printed = TRANSCODER.transcode(plan, wire, json, first);
    assertArrayEquals(first, TRANSCODER.transcode(plan, json, wire, printed));
  }
}
