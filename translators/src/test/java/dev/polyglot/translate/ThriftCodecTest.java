package dev.polyglot.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.thrift.ThriftReader;
import dev.polyglot.translate.thrift.ThriftWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Thrift binary and compact against libthrift's own protocol classes, byte for byte. */
class ThriftCodecTest {

  static Stream<Arguments> values() {
    List<Arguments> args = new ArrayList<>();
    for (ZooValues.Named v : ZooValues.thrift()) {
      args.add(Arguments.of(v, false));
      args.add(Arguments.of(v, true));
    }
    return args.stream();
  }

  private static byte[] reference(ZooValues.Named v, boolean compact) {
    return compact ? ThriftReference.compact(v.plan(), v.value()) : ThriftReference.binary(v.plan(), v.value());
  }

  @ParameterizedTest(name = "{0} (compact: {1}) encodes exactly as libthrift does, with container sizes known up front")
  @MethodSource("values")
  void writerMatchesLibthriftWhenSizesAreKnown(ZooValues.Named v, boolean compact) {
    ThriftWriter w = compact ? ThriftWriter.compact() : ThriftWriter.binary();
    w.reset(v.plan());
    Tree.emit(v.value(), w, true);
    assertArrayEquals(reference(v, compact), w.toByteArray());
  }

  @ParameterizedTest(name = "{0} (compact: {1}) encodes exactly as libthrift does, with container sizes unknown")
  @MethodSource("values")
  void writerMatchesLibthriftWhenSizesAreUnknown(ZooValues.Named v, boolean compact) {
    ThriftWriter w = compact ? ThriftWriter.compact() : ThriftWriter.binary();
    w.reset(v.plan());
    Tree.emit(v.value(), w, false);
    assertArrayEquals(reference(v, compact), w.toByteArray());
  }

  @ParameterizedTest(name = "{0} (compact: {1}) written by libthrift reads back to the same value")
  @MethodSource("values")
  void readerDecodesWhatLibthriftWrites(ZooValues.Named v, boolean compact) {
    byte[] bytes = reference(v, compact);
    ThriftReader r = compact ? ThriftReader.compact(Limits.DEFAULT) : ThriftReader.binary(Limits.DEFAULT);
    Tree.Builder out = new Tree.Builder();
    assertEquals(bytes.length, r.read(bytes, 0, bytes.length, v.plan(), out));
    assertEquals(v.value(), out.result());
  }

  @Test
  void readerReportsWhereAStructEndsWhenMoreDataFollows() {
    StructPlan dims = Zoo.thrift("Dims");
    byte[] body = ThriftReference.binary(dims, ZooValues.dims(2.0));
    byte[] padded = new byte[body.length + 3];
    System.arraycopy(body, 0, padded, 1, body.length);
    Tree.Builder out = new Tree.Builder();
    assertEquals(body.length, ThriftReader.binary(Limits.DEFAULT).read(padded, 1, body.length + 2, dims, out));
    assertEquals(ZooValues.dims(2.0), out.result());
  }

  @Test
  void readerSkipsUnknownFieldsOfEveryType() {
    // Written with the Everything plan, read as Dims' neighbour Node: every field is unknown to it
    // except none, so the reader must skip them all and see an empty struct.
    ZooValues.Named containers = ZooValues.thrift().stream().filter(n -> n.name().equals("containers of every kind")).findFirst().orElseThrow();
    for (boolean compact : new boolean[] {false, true}) {
      byte[] bytes = reference(containers, compact);
      Tree.Builder out = new Tree.Builder();
      ThriftReader r = compact ? ThriftReader.compact(Limits.DEFAULT) : ThriftReader.binary(Limits.DEFAULT);
      assertEquals(bytes.length, r.read(bytes, 0, bytes.length, Zoo.thrift("Node"), out));
      assertEquals(new Tree.Struct(List.of()), out.result());
    }
  }

  @Test
  void readerAndWriterAreReusableAcrossValues() {
    ThriftWriter w = ThriftWriter.compact();
    ThriftReader r = ThriftReader.compact(Limits.DEFAULT);
    for (ZooValues.Named v : ZooValues.thrift()) {
      w.reset(v.plan());
      Tree.emit(v.value(), w, false);
      Tree.Builder out = new Tree.Builder();
      r.read(w.buffer(), 0, w.size(), v.plan(), out);
      assertEquals(v.value(), out.result(), v.name());
    }
  }

  @Test
  void writerRejectsAValueTooWideForItsFieldInsteadOfTruncating() {
    StructPlan narrow = Zoo.thrift("Narrow");
    ThriftWriter w = ThriftWriter.binary();
    w.reset(narrow);
    w.startStruct();
    w.field(narrow.indexOfName("tiny"));
    TranscodeException e = assertThrows(TranscodeException.class, () -> w.longValue(300));
    assertEquals("300 is out of range (expected: an i8 between -128 and 127)", e.getMessage());
    w.reset(narrow);
    w.startStruct();
    w.field(narrow.indexOfName("medium"));
    e = assertThrows(TranscodeException.class, () -> w.longValue(1L << 31));
    assertEquals("2147483648 is out of range (expected: an i32 between -2147483648 and 2147483647)", e.getMessage());
  }

  @Test
  void writerRejectsAnEventOfTheWrongKind() {
    StructPlan narrow = Zoo.thrift("Narrow");
    ThriftWriter w = ThriftWriter.compact();
    w.reset(narrow);
    w.startStruct();
    w.field(narrow.indexOfName("small"));
    TranscodeException e = assertThrows(TranscodeException.class, () -> w.stringValue("12"));
    assertEquals("got a string (expected: an i16)", e.getMessage());
  }

  @Test
  void writerRefusesToEndAStructWithoutItsRequiredFields() {
    StructPlan e = Zoo.thrift("Everything");
    ThriftWriter w = ThriftWriter.binary();
    w.reset(e);
    w.startStruct();
    w.field(e.indexOfName("a_i32"));
    w.longValue(1);
    TranscodeException ex = assertThrows(TranscodeException.class, w::endStruct);
    assertEquals("required field sku (id 18) of zoo.Everything is missing (expected: a value)", ex.getMessage());
  }

  @Test
  void writerRefusesAStringWithAnUnpairedSurrogate() {
    StructPlan e = Zoo.thrift("Everything");
    for (ThriftWriter w : new ThriftWriter[] {ThriftWriter.binary(), ThriftWriter.compact()}) {
      w.reset(e);
      w.startStruct();
      w.field(e.indexOfName("a_string"));
      TranscodeException ex = assertThrows(TranscodeException.class, () -> w.stringValue("ok\uD800!"));
      assertEquals("unpaired surrogate U+D800 at index 2 (expected: valid Unicode text)", ex.getMessage());
    }
  }

  @Test
  void writerRefusesAUnionWithTwoFieldsAndAnUndeclaredEnumNumber() {
    StructPlan choice = Zoo.thrift("Choice");
    ThriftWriter w = ThriftWriter.compact();
    w.reset(choice);
    w.startStruct();
    w.field(choice.indexOfName("text"));
    w.stringValue("a");
    w.field(choice.indexOfName("number"));
    w.longValue(1);
    TranscodeException ex = assertThrows(TranscodeException.class, w::endStruct);
    assertEquals("union zoo.Choice has 2 fields set (expected: at most one)", ex.getMessage());

    StructPlan e = Zoo.thrift("Everything");
    w.reset(e);
    w.startStruct();
    w.field(e.indexOfName("color"));
    ex = assertThrows(TranscodeException.class, () -> w.enumValue(0));
    assertEquals("0 is not a value of enum zoo.Color (expected: one of RED=1, GREEN=2, BLUE=3)", ex.getMessage());
  }
}
