package dev.polyglot.translate.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import dev.polyglot.translate.WireFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our google.rpc.Status encoding checked against the generated com.google.rpc.Status class. */
class GoogleRpcStatusTest {
  private static final byte[] ITEM_NOT_FOUND_PROTO = {0x0a, 0x02, '4', '2', 0x12, 0x03, 'g', 'o', 'n'};

  @Test
  void encodedStatusParsesWithTheRealGoogleRpcStatusClass() throws Exception {
    Status s = Status.of(StatusCode.NOT_FOUND, "no item 42 — ätsch",
        Status.Detail.of("acme.warehouse.v1.ItemNotFound", WireFormat.PROTOBUF, ITEM_NOT_FOUND_PROTO));
    byte[] bytes = GoogleRpcStatus.of(s).toByteArray();

    com.google.rpc.Status real = com.google.rpc.Status.parseFrom(bytes);
    assertEquals(5, real.getCode());
    assertEquals("no item 42 — ätsch", real.getMessage());
    assertEquals(1, real.getDetailsCount());
    assertEquals("type.googleapis.com/acme.warehouse.v1.ItemNotFound", real.getDetails(0).getTypeUrl());
    assertArrayEquals(ITEM_NOT_FOUND_PROTO, real.getDetails(0).getValue().toByteArray());
    // Byte-equal to what the generated class writes for the same values.
    assertArrayEquals(real.toByteArray(), bytes);
  }

  @Test
  void aStatusWithoutDetailEncodesCodeAndMessageOnly() throws Exception {
    byte[] bytes = GoogleRpcStatus.of(Status.of(StatusCode.UNAVAILABLE, "down")).toByteArray();
    assertArrayEquals(com.google.rpc.Status.newBuilder().setCode(14).setMessage("down").build().toByteArray(), bytes);
  }

  @Test
  void okWithEmptyMessageIsZeroBytes() {
    assertEquals(0, GoogleRpcStatus.of(Status.of(StatusCode.OK, "")).toByteArray().length);
  }

  @Test
  void decodesEveryDetailWrittenByTheRealClass() {
    ErrorInfo info = ErrorInfo.newBuilder().setReason("STOCK").setDomain("acme.dev").build();
    byte[] bytes = com.google.rpc.Status.newBuilder()
        .setCode(9)
        .setMessage("only 3 left")
        .addDetails(Any.pack(info))
        .addDetails(Any.newBuilder().setTypeUrl("example.com/x/acme.v1.OutOfStock").setValue(ByteString.copyFrom(ITEM_NOT_FOUND_PROTO)))
        .build()
        .toByteArray();

    GoogleRpcStatus decoded = GoogleRpcStatus.parseFrom(bytes);
    assertEquals(StatusCode.FAILED_PRECONDITION, decoded.code());
    assertEquals("only 3 left", decoded.message());
    assertEquals(List.of(
            Status.Detail.of("google.rpc.ErrorInfo", WireFormat.PROTOBUF, info.toByteArray()),
            Status.Detail.of("acme.v1.OutOfStock", WireFormat.PROTOBUF, ITEM_NOT_FOUND_PROTO)),
        decoded.details());
    assertEquals(Status.of(StatusCode.FAILED_PRECONDITION, "only 3 left",
        Status.Detail.of("google.rpc.ErrorInfo", WireFormat.PROTOBUF, info.toByteArray())), decoded.toStatus());
  }

  @Test
  void aCodeNumberOutsideTheSeventeenIsUnknown() {
    byte[] bytes = com.google.rpc.Status.newBuilder().setCode(99).setMessage("?").build().toByteArray();
    assertEquals(Status.of(StatusCode.UNKNOWN, "?"), GoogleRpcStatus.parseFrom(bytes).toStatus());
  }

  @Test
  void truncatedBytesAreRejectedWithASentence() {
    byte[] bytes = com.google.rpc.Status.newBuilder().setCode(5).setMessage("not found").build().toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoogleRpcStatus.parseFrom(truncated));
    assertEquals("malformed google.rpc.Status: While parsing a protocol message, the input ended unexpectedly in the middle of a field.  "
        + "This could mean either that the input has been truncated or that an embedded message misreported its own length.", e.getMessage());
  }

  @Test
  void aThriftEncodedDetailMustBeReencodedFirst() {
    Status s = Status.of(StatusCode.NOT_FOUND, "x", Status.Detail.of("warehouse.ItemNotFound", WireFormat.THRIFT_BINARY, new byte[] {0}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoogleRpcStatus.of(s));
    assertEquals("google.rpc.Status details must be protobuf-encoded (got THRIFT_BINARY for warehouse.ItemNotFound): "
        + "re-encode the detail first", e.getMessage());
  }
}
