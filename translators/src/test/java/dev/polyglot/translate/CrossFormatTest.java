package dev.polyglot.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Same-schema transcoding through every binary format and back, with the reference encodings
 * (libthrift, protobuf-java) at both ends.
 */
class CrossFormatTest {
  private static final Transcoder TRANSCODER = Transcoder.standard();

  static Stream<ZooValues.Named> thriftValues() {
    return ZooValues.thrift().stream().filter(v -> !v.plan().qualifiedName().equals("zoo.Nested"));
  }

  /**
   * Protobuf cannot tell an empty repeated or map field from an absent one, so a Thrift empty
   * container comes back absent after a trip through protobuf (DESIGN.md "Presence": the binding
   * restores the default for a non-optional Thrift field; the same-schema transcoder does not).
   */
  @ParameterizedTest(name = "{0}: binary → protobuf → compact → binary gives libthrift's bytes back")
  @MethodSource("thriftValues")
  void thriftValueSurvivesEveryFormat(ZooValues.Named v) {
    byte[] binary = ThriftReference.binary(v.plan(), v.value());
    byte[] proto = TRANSCODER.transcode(v.plan(), WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF, binary);
    byte[] compact = TRANSCODER.transcode(v.plan(), WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT, proto);
    Tree.Struct expected = withoutEmptyContainers(v.value());
    assertArrayEquals(ThriftReference.compact(v.plan(), expected), compact);
    assertArrayEquals(
        ThriftReference.binary(v.plan(), expected), TRANSCODER.transcode(v.plan(), WireFormat.THRIFT_COMPACT, WireFormat.THRIFT_BINARY, compact));
  }

  private static Tree.Struct withoutEmptyContainers(Tree.Struct s) {
    java.util.List<Tree.Field> kept = new java.util.ArrayList<>();
    for (Tree.Field f : s.fields()) {
      Object v = f.value();
      if (v instanceof Tree.ListOf l && l.elements().isEmpty()) continue;
      if (v instanceof Tree.SetOf l && l.elements().isEmpty()) continue;
      if (v instanceof Tree.MapOf m && m.entries().isEmpty()) continue;
      kept.add(new Tree.Field(f.index(), v instanceof Tree.Struct inner ? withoutEmptyContainers(inner) : v));
    }
    return new Tree.Struct(kept);
  }

  @ParameterizedTest(name = "{0}: protobuf → Thrift binary → Thrift compact → protobuf gives protobuf-java's bytes back")
  @MethodSource("dev.polyglot.translate.ZooValues#proto")
  void protoValueSurvivesEveryFormat(ZooValues.Named v) {
    byte[] proto = ProtoReference.message(Zoo.descriptor(v.plan().def().name()), v.plan(), v.value()).toByteArray();
    byte[] binary = TRANSCODER.transcode(v.plan(), WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY, proto);
    byte[] compact = TRANSCODER.transcode(v.plan(), WireFormat.THRIFT_BINARY, WireFormat.THRIFT_COMPACT, binary);
    assertArrayEquals(proto, TRANSCODER.transcode(v.plan(), WireFormat.THRIFT_COMPACT, WireFormat.PROTOBUF, compact));
  }

  @Test
  void containersInsideContainersAreRejectedTowardProtobufWithTheirPath() {
    ZooValues.Named nested = ZooValues.thrift().stream().filter(v -> v.plan().qualifiedName().equals("zoo.Nested")).findFirst().orElseThrow();
    byte[] binary = ThriftReference.binary(nested.plan(), nested.value());
    TranscodeException e =
        assertThrows(TranscodeException.class, () -> TRANSCODER.transcode(nested.plan(), WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF, binary));
    assertEquals("matrix[0]: list<i64> inside a list or map has no protobuf encoding (expected: a message wrapping it)", e.getMessage());
  }

  @Test
  void trailingBytesAfterAThriftStructAreAnError() {
    StructPlan dims = Zoo.thrift("Dims");
    byte[] body = ThriftReference.binary(dims, ZooValues.dims(1.0));
    byte[] withTrailer = Arrays.copyOf(body, body.length + 2);
    TranscodeException e =
        assertThrows(TranscodeException.class, () -> TRANSCODER.transcode(dims, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF, withTrailer));
    assertEquals("2 trailing bytes after the end of the zoo.Dims value (expected: end of input)", e.getMessage());
  }

  @Test
  void aFormatWithoutCodecIsNamedWithTheSupportedOnes() {
    Codecs codecs = Codecs.builder().register(WireFormat.PROTOBUF, dev.polyglot.translate.protobuf.ProtobufCodec.INSTANCE).build();
    Transcoder t = Transcoder.of(codecs, Limits.DEFAULT);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.transcode(Zoo.thrift("Dims"), WireFormat.THRIFT_JSON, WireFormat.PROTOBUF, new byte[0]));
    assertEquals("wire format THRIFT_JSON is not supported (expected: one of PROTOBUF)", e.getMessage());
  }

  @Test
  void transcoderIsSafeToShareBetweenThreads() throws Exception {
    ZooValues.Named v = thriftValues().filter(n -> n.name().equals("containers of every kind")).findFirst().orElseThrow();
    byte[] binary = ThriftReference.binary(v.plan(), v.value());
    byte[] expected = ThriftReference.compact(v.plan(), v.value());
    Thread[] threads = new Thread[4];
    Throwable[] failure = new Throwable[1];
    for (int i = 0; i < threads.length; i++) {
      threads[i] =
          new Thread(
              () -> {
                try {
                  for (int n = 0; n < 500; n++) {
                    assertArrayEquals(expected, TRANSCODER.transcode(v.plan(), WireFormat.THRIFT_BINARY, WireFormat.THRIFT_COMPACT, binary));
                  }
                } catch (Throwable t) {
                  failure[0] = t;
                }
              });
      threads[i].start();
    }
    for (Thread t : threads) t.join();
    if (failure[0] != null) throw new AssertionError(failure[0]);
  }

  @Test
  void theLargestAllowedDepthCrossesEveryFormatWithoutExhaustingTheStack() {
    Limits deepest = Limits.builder().maxDepth(512).build();
    Transcoder t = Transcoder.of(Codecs.standard(), deepest);
    StructPlan node = Zoo.thrift("Node");
    Tree.Struct value = ZooValues.node(512);
    byte[] binary = ThriftReference.binary(node, value);
    byte[] proto = t.transcode(node, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF, binary);
    byte[] compact = t.transcode(node, WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT, proto);
    assertArrayEquals(binary, t.transcode(node, WireFormat.THRIFT_COMPACT, WireFormat.THRIFT_BINARY, compact));
  }
}
