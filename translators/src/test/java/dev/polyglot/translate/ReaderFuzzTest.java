package dev.polyglot.translate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;

/**
 * Coverage-guided fuzzing of every binary reader, each driving a writer of another format so both
 * sides see arbitrary event streams. The only acceptable failure is {@link TranscodeException}.
 * In a normal {@code mvn test} Jazzer runs the regression inputs under
 * {@code src/test/resources/dev/polyglot/translate/ReaderFuzzTestInputs/<method>/}; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class ReaderFuzzTest {
  private static final Limits LIMITS = Limits.builder().maxDepth(32).maxContainerSize(10_000).maxStringBytes(1 << 16).build();
  private static final Transcoder TRANSCODER = Transcoder.of(Codecs.standard(), LIMITS);
  private static final StructPlan THRIFT_EVERYTHING = Zoo.thrift("Everything");
  private static final StructPlan THRIFT_NESTED = Zoo.thrift("Nested");
  private static final StructPlan PROTO_EVERYTHING = Zoo.proto("Everything");
  private static final StructPlan PROTO_SCALARS = Zoo.proto("Scalars");

  private static void transcode(StructPlan type, WireFormat from, WireFormat to, byte[] input) {
    try {
      TRANSCODER.transcode(type, from, to, input);
    } catch (TranscodeException expected) {
      // Rejecting malformed input is the contract; anything else escapes and fails the test.
    }
  }

  @FuzzTest(maxDuration = "10s")
  void thriftBinaryReaderFailsOnlyWithTranscodeException(byte[] input) {
    transcode(THRIFT_EVERYTHING, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF, input);
    transcode(THRIFT_NESTED, WireFormat.THRIFT_BINARY, WireFormat.THRIFT_COMPACT, input);
  }

  @FuzzTest(maxDuration = "10s")
  void thriftCompactReaderFailsOnlyWithTranscodeException(byte[] input) {
    transcode(THRIFT_EVERYTHING, WireFormat.THRIFT_COMPACT, WireFormat.PROTOBUF, input);
    transcode(THRIFT_NESTED, WireFormat.THRIFT_COMPACT, WireFormat.THRIFT_BINARY, input);
  }

  @FuzzTest(maxDuration = "10s")
  void protobufReaderFailsOnlyWithTranscodeException(byte[] input) {
    transcode(PROTO_EVERYTHING, WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY, input);
    transcode(PROTO_SCALARS, WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT, input);
  }
}
