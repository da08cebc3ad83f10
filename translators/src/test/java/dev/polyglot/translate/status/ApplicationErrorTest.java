package dev.polyglot.translate.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.WireFormat;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationErrorTest {

  @ParameterizedTest(name = "{0} becomes {1}")
  @CsvSource({
    "UNKNOWN, UNKNOWN",
    "UNKNOWN_METHOD, UNIMPLEMENTED",
    "INVALID_MESSAGE_TYPE, INTERNAL",
    "WRONG_METHOD_NAME, INTERNAL",
    "BAD_SEQUENCE_ID, INTERNAL",
    "MISSING_RESULT, INTERNAL",
    "INTERNAL_ERROR, UNKNOWN",
    "PROTOCOL_ERROR, INTERNAL",
    "INVALID_TRANSFORM, INTERNAL",
    "INVALID_PROTOCOL, INTERNAL",
    "UNSUPPORTED_CLIENT_TYPE, INTERNAL",
  })
  void aBackendsApplicationExceptionBecomesAStatus(ApplicationError.Type type, StatusCode expected) {
    assertEquals(Status.of(expected, "Internal error processing getItem"),
        ApplicationError.of(type, "Internal error processing getItem").toStatus());
  }

  @ParameterizedTest(name = "type {0} keeps its libthrift number")
  @EnumSource(ApplicationError.Type.class)
  void typeNumbersAreLibthrifts(ApplicationError.Type type) {
    assertEquals(type, ApplicationError.Type.forNumber(type.number()));
  }

  @ParameterizedTest(name = "in {0}")
  @EnumSource(value = WireFormat.class, names = {"THRIFT_BINARY", "THRIFT_COMPACT"})
  void encodesWhatLibthriftReadsAndReadsWhatLibthriftWrites(WireFormat format) throws Exception {
    ApplicationError error = ApplicationError.of(Status.of(StatusCode.NOT_FOUND, "no item 42 ✓"));
    assertEquals(ApplicationError.of(ApplicationError.Type.INTERNAL_ERROR, "NOT_FOUND: no item 42 ✓"), error);

    byte[] ours = error.encode(format);
    TMemoryInputTransport in = new TMemoryInputTransport(ours);
    TApplicationException read = TApplicationException.readFrom(
        format == WireFormat.THRIFT_COMPACT ? new TCompactProtocol(in) : new TBinaryProtocol(in));
    assertEquals(TApplicationException.INTERNAL_ERROR, read.getType());
    assertEquals("NOT_FOUND: no item 42 ✓", read.getMessage());

    TMemoryBuffer buf = new TMemoryBuffer(64);
    new TApplicationException(TApplicationException.UNKNOWN_METHOD, "Invalid method name: 'getItm'")
        .write(format == WireFormat.THRIFT_COMPACT ? new TCompactProtocol(buf) : new TBinaryProtocol(buf));
    byte[] theirs = java.util.Arrays.copyOf(buf.getArray(), buf.length());
    assertEquals(ApplicationError.of(ApplicationError.Type.UNKNOWN_METHOD, "Invalid method name: 'getItm'"),
        ApplicationError.decode(theirs, format));
    assertArrayEquals(theirs, ApplicationError.of(ApplicationError.Type.UNKNOWN_METHOD, "Invalid method name: 'getItm'").encode(format));
  }

  @ParameterizedTest(name = "{0} is not a Thrift protocol")
  @EnumSource(value = WireFormat.class, names = {"PROTOBUF", "THRIFT_JSON", "PROTO_JSON"})
  void onlyThriftBinaryAndCompactCarryIt(WireFormat format) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApplicationError.of(ApplicationError.Type.UNKNOWN, "x").encode(format));
    assertEquals("a TApplicationException is Thrift binary or compact, not " + format, e.getMessage());
  }
}
