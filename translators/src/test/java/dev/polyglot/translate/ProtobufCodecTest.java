package dev.polyglot.translate;

import static dev.polyglot.translate.Tree.enumNumber;
import static dev.polyglot.translate.Tree.list;
import static dev.polyglot.translate.Tree.map;
import static dev.polyglot.translate.Tree.struct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.protobuf.ProtobufReader;
import dev.polyglot.translate.protobuf.ProtobufWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protobuf against protobuf-java's {@link DynamicMessage} built from the loader's descriptors.
 * Values list fields in number order, the order protobuf-java writes, so every case in
 * {@link ZooValues#proto()} is compared byte for byte; the cases below that write another order
 * are compared by parsing (stated per test).
 */
class ProtobufCodecTest {

  static Stream<Arguments> values() {
    return ZooValues.proto().stream().flatMap(v -> Stream.of(Arguments.of(v, true), Arguments.of(v, false)));
  }

  private static DynamicMessage reference(ZooValues.Named v) {
    return ProtoReference.message(Zoo.descriptor(v.plan().def().name()), v.plan(), v.value());
  }

  @ParameterizedTest(name = "{0} (sizes announced: {1}) encodes byte for byte as DynamicMessage does")
  @MethodSource("values")
  void writerMatchesDynamicMessageByteForByte(ZooValues.Named v, boolean announceSizes) {
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(v.plan());
    Tree.emit(v.value(), w, announceSizes);
    assertArrayEquals(reference(v).toByteArray(), w.toByteArray());
  }

  @ParameterizedTest(name = "{0} written by protobuf-java reads back to the same value")
  @MethodSource("values")
  void readerDecodesWhatProtobufJavaWrites(ZooValues.Named v, boolean ignored) throws Exception {
    byte[] bytes = reference(v).toByteArray();
    Tree.Builder out = new Tree.Builder();
    assertEquals(bytes.length, ProtobufReader.create(Limits.DEFAULT).read(bytes, 0, bytes.length, v.plan(), out));
    assertEquals(v.value(), out.result());
  }

  @Test
  void fieldsWrittenOutOfNumberOrderParseToTheSameMessage() throws Exception {
    // Not canonical order, so compared by parsing with protobuf-java, not byte for byte.
    StructPlan s = Zoo.proto("Scalars");
    Tree.Struct reversed = struct(s, "a_string", "z", "a_int64", 7L, "a_bool", true);
    Tree.Struct canonical = struct(s, "a_bool", true, "a_int64", 7L, "a_string", "z");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(s);
    Tree.emit(reversed, w, true);
    DynamicMessage parsed = DynamicMessage.parseFrom(Zoo.descriptor("Scalars"), w.toByteArray());
    assertEquals(ProtoReference.message(Zoo.descriptor("Scalars"), s, canonical), parsed);
  }

  @Test
  void implicitPresenceDefaultsAreOmittedAsProtobufDoes() {
    StructPlan s = Zoo.proto("Scalars");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(s);
    Tree.emit(struct(s, "a_bool", false, "a_int32", 0L, "a_double", 0.0, "a_string", "", "color", enumNumber(0), "maybe_int", 0L), w, true);
    // Only maybe_int (explicit presence) survives: tag 17 varint = 0x88 0x01, value 0.
    assertArrayEquals(new byte[] {(byte) 0x88, 0x01, 0x00}, w.toByteArray());
  }

  @Test
  void readerAcceptsPackedAndUnpackedEncodingsOfEveryRepeatedField() throws IOException {
    StructPlan e = Zoo.proto("Everything");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(bytes);
    // longs (declared packed) written unpacked, then a second packed chunk of the same run.
    c.writeInt64(2, 1);
    c.writeInt64(2, -1);
    c.writeTag(2, 2);
    c.writeUInt32NoTag(1);
    c.writeInt64NoTag(5);
    // unpacked (declared [packed = false]) written packed.
    c.writeTag(3, 2);
    c.writeUInt32NoTag(2);
    c.writeInt32NoTag(7);
    c.writeInt32NoTag(8);
    c.flush();
    Tree.Builder out = new Tree.Builder();
    byte[] in = bytes.toByteArray();
    ProtobufReader.create(Limits.DEFAULT).read(in, 0, in.length, e, out);
    assertEquals(struct(e, "longs", list(1L, -1L, 5L), "unpacked", list(7L, 8L)), out.result());
  }

  @Test
  void readerSkipsUnknownFieldsOfEveryWireType() throws IOException {
    StructPlan s = Zoo.proto("Scalars");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(bytes);
    c.writeInt32(2, 5);
    c.writeUInt64(100, Long.MAX_VALUE);
    c.writeFixed64(101, 1);
    c.writeString(102, "unknown");
    c.writeFixed32(103, 1);
    c.writeTag(104, 3); // group with a nested field
    c.writeInt32(1, 9);
    c.writeTag(104, 4);
    c.writeString(14, "known");
    c.flush();
    Tree.Builder out = new Tree.Builder();
    byte[] in = bytes.toByteArray();
    ProtobufReader.create(Limits.DEFAULT).read(in, 0, in.length, s, out);
    assertEquals(struct(s, "a_int32", 5L, "a_string", "known"), out.result());
  }

  @Test
  void mapEntriesWithValueFirstOrMissingPartsReadAsProtobufDefinesThem() throws IOException {
    StructPlan e = Zoo.proto("Everything");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(bytes);
    // counts: {"a": 1} written value first; {"": 0} as an empty entry; {"k": 0} with no value;
    // then an entry with an unknown field before its key.
    c.writeTag(6, 2);
    c.writeUInt32NoTag(5);
    c.writeInt64(2, 1);
    c.writeString(1, "a");
    c.writeTag(6, 2);
    c.writeUInt32NoTag(0);
    c.writeTag(6, 2);
    c.writeUInt32NoTag(3);
    c.writeString(1, "k");
    c.writeTag(6, 2);
    c.writeUInt32NoTag(7);
    c.writeInt32(9, 1);
    c.writeString(1, "z");
    c.writeInt64(2, 3);
    c.flush();
    Tree.Builder out = new Tree.Builder();
    byte[] in = bytes.toByteArray();
    ProtobufReader.create(Limits.DEFAULT).read(in, 0, in.length, e, out);
    assertEquals(struct(e, "counts", map("a", 1L, "", 0L, "k", 0L, "z", 3L)), out.result());
    DynamicMessage reference = DynamicMessage.parseFrom(Zoo.descriptor("Everything"), in);
    assertEquals(4, reference.getRepeatedFieldCount(Zoo.descriptor("Everything").findFieldByName("counts")));
  }

  @Test
  void nestedMessagesLongerThan127BytesGetMultiByteLengths() {
    StructPlan e = Zoo.proto("Everything");
    StructPlan s = Zoo.proto("Scalars");
    String big = "x".repeat(300);
    Tree.Struct value = struct(e, "scalars", struct(s, "a_string", big), "names", list(big, "y"), "counts", map(big, 1L));
    ZooValues.Named named = new ZooValues.Named("big", e, value);
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(e);
    Tree.emit(value, w, false);
    assertArrayEquals(reference(named).toByteArray(), w.toByteArray());
  }

  @Test
  void writerRejectsAFloatOutOfRange() {
    StructPlan s = Zoo.proto("Scalars");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(s);
    w.startStruct();
    w.field(s.indexOfName("a_float"));
    TranscodeException ex = assertThrows(TranscodeException.class, () -> w.doubleValue(1e300));
    assertEquals("1.0E300 is out of range (expected: a float between -3.4028235E38 and 3.4028235E38)", ex.getMessage());
  }

  @Test
  void writerRejectsContainersInsideContainersWhichProtobufCannotEncode() {
    StructPlan nested = Zoo.thrift("Nested");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(nested);
    w.startStruct();
    w.field(nested.indexOfName("matrix"));
    w.startList(-1);
    TranscodeException ex = assertThrows(TranscodeException.class, () -> w.startList(-1));
    assertEquals("list<i64> inside a list or map has no protobuf encoding (expected: a message wrapping it)", ex.getMessage());
  }

  @Test
  void writerRefusesAStringWithAnUnpairedSurrogate() {
    StructPlan s = Zoo.proto("Scalars");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(s);
    w.startStruct();
    w.field(s.indexOfName("a_string"));
    TranscodeException ex = assertThrows(TranscodeException.class, () -> w.stringValue("\uDC00"));
    assertEquals("unpaired surrogate U+DC00 at index 0 (expected: valid Unicode text)", ex.getMessage());
  }

  @Test
  void writerRefusesASecondMemberOfAOneofButKeepsUnknownOpenEnumNumbers() {
    StructPlan e = Zoo.proto("Everything");
    ProtobufWriter w = ProtobufWriter.create();
    w.reset(e);
    w.startStruct();
    w.field(e.indexOfName("text"));
    w.stringValue("a");
    TranscodeException ex = assertThrows(TranscodeException.class, () -> w.field(e.indexOfName("number")));
    assertEquals("oneof choice has more than one member set (expected: at most one)", ex.getMessage());

    // proto3 enums are open: an undeclared number is kept, as protobuf keeps it.
    StructPlan s = Zoo.proto("Scalars");
    w.reset(s);
    w.startStruct();
    w.field(s.indexOfName("color"));
    w.enumValue(77);
    w.endStruct();
    assertArrayEquals(new byte[] {(byte) 0x80, 0x01, 77}, w.toByteArray());
  }
}
