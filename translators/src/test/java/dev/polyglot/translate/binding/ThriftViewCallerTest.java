package dev.polyglot.translate.binding;

import static dev.polyglot.translate.binding.Interop.thrift;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.nio.charset.StandardCharsets;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;

/**
 * The identity case: an HTTP JSON caller of the Thrift service routed to the same Thrift service.
 * Only the format changes; the binding still checks what Thrift requires.
 */
class ThriftViewCallerTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aThriftJsonRequestBecomesThriftBinaryWithoutDefaultsAdded() throws Exception {
    byte[] json = utf8("{\"item\": {\"dims\": {\"height_cm\": 2, \"width_cm\": 1}, \"sku\": \"a\", \"quantity\": 2}}");

    byte[] out = Interop.thriftToThrift("echoItem").translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.THRIFT_BINARY);

    assertEquals("{1: {4: {2: i32 2, 1: i32 1}, 1: \"a\", 3: i32 2}}", ThriftText.read(out));
  }

  @Test
  void aMissingRequiredFieldIsNamedWithItsPath() {
    byte[] json = utf8("{\"item\": {\"sku\": \"a\", \"dims\": {\"width_cm\": 1}}}");

    TranscodeException e = assertThrows(TranscodeException.class,
        () -> Interop.thriftToThrift("echoItem").translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.THRIFT_COMPACT));

    assertEquals("item.dims: required field height_cm (id 2) of interop.Dimensions is missing (expected: a value)", e.getMessage());
  }

  @Test
  void theSameFormatPassesTheBytesThrough() {
    byte[] request = {0};

    assertSame(request, Interop.thriftToThrift("ping").translateRequest(request, WireFormat.THRIFT_BINARY, WireFormat.THRIFT_BINARY));
  }

  @Test
  void aThriftResultBecomesTheBareJsonValue() throws Exception {
    byte[] result = thrift(o -> {
      o.writeStructBegin(new TStruct("reserve_result"));
      o.writeFieldBegin(new TField("success", TType.I32, (short) 0));
      o.writeI32(93);
      o.writeFieldStop();
      o.writeStructEnd();
    });

    assertEquals("93", new String(Interop.thriftToThrift("reserve").translateReply(result, WireFormat.THRIFT_BINARY, WireFormat.THRIFT_JSON), StandardCharsets.UTF_8));
    assertEquals("{0: i32 93}", ThriftText.read(true, Interop.thriftToThrift("reserve").translateReply(utf8("93"), WireFormat.THRIFT_JSON, WireFormat.THRIFT_COMPACT)));
  }

  @Test
  void aDeclaredExceptionIsReencodedAsThriftJson() throws Exception {
    byte[] oos = thrift(o -> {
      o.writeStructBegin(new TStruct("OutOfStock"));
      o.writeFieldBegin(new TField("message", TType.STRING, (short) 1));
      o.writeString("only 100 left");
      o.writeFieldBegin(new TField("available", TType.I32, (short) 3));
      o.writeI32(100);
      o.writeFieldStop();
      o.writeStructEnd();
    });
    Status backend = Status.of(StatusCode.FAILED_PRECONDITION, "only 100 left", Status.Detail.of("interop.OutOfStock", WireFormat.THRIFT_BINARY, oos));

    Status out = Interop.thriftToThrift("reserve").translateError(backend, WireFormat.THRIFT_JSON);

    assertEquals(Status.of(StatusCode.FAILED_PRECONDITION, "only 100 left",
        Status.Detail.of("interop.OutOfStock", WireFormat.THRIFT_JSON, utf8("{\"message\":\"only 100 left\",\"available\":100}"))), out);
  }
}
