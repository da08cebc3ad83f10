package dev.polyglot.adapters.grpc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import io.grpc.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusMappingTest {

  @ParameterizedTest
  @EnumSource(StatusCode.class)
  void everyCodeMapsToTheGrpcCodeWithTheSameNumberAndBack(StatusCode code) {
    io.grpc.Status.Code grpc = StatusMapping.toGrpc(code);
    assertEquals(code.number(), grpc.value());
    assertEquals(code.name(), grpc.name());
    assertEquals(code, StatusMapping.fromGrpc(grpc));
  }

  @Test
  void aProtobufDetailTravelsAsAnAnyInTheStatusDetailsTrailer() {
    byte[] payload = {0x0a, 0x07, 'm', 'i', 's', 's', 'i', 'n', 'g'};
    Status status = Status.of(StatusCode.NOT_FOUND, "no item missing", new Status.Detail("acme.v1.ItemNotFound", WireFormat.PROTOBUF, payload));

    io.grpc.Status grpc = StatusMapping.toGrpc(status);
    assertEquals(io.grpc.Status.Code.NOT_FOUND, grpc.getCode());
    assertEquals("no item missing", grpc.getDescription());
    Metadata trailers = StatusMapping.trailers(status);
    com.google.rpc.Status rpc = trailers.get(Metadata.Key.of("grpc-status-details-bin", io.grpc.protobuf.ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance())));
    assertEquals(com.google.rpc.Status.newBuilder().setCode(5).setMessage("no item missing")
        .addDetails(Any.newBuilder().setTypeUrl("type.googleapis.com/acme.v1.ItemNotFound").setValue(ByteString.copyFrom(payload))).build(), rpc);

    Status back = StatusMapping.fromGrpc(grpc, trailers, grpc.getDescription());
    assertEquals(StatusCode.NOT_FOUND, back.code());
    assertEquals("no item missing", back.message());
    assertEquals("acme.v1.ItemNotFound", back.detail().orElseThrow().typeName());
    assertEquals(WireFormat.PROTOBUF, back.detail().orElseThrow().format());
    assertArrayEquals(payload, back.detail().orElseThrow().payload());
  }

  @Test
  void aDetailInAnotherFormatIsNotSentToGrpcCallers() {
    Status status = Status.of(StatusCode.NOT_FOUND, "gone", new Status.Detail("warehouse.ItemNotFound", WireFormat.THRIFT_BINARY, new byte[] {0}));
    assertTrue(StatusMapping.trailers(status).keys().isEmpty());
  }

  @Test
  void anEmptyMessageHasNoDescriptionAndAStatusWithoutDetailsHasNoDetail() {
    assertNull(StatusMapping.toGrpc(Status.of(StatusCode.INTERNAL, "")).getDescription());
    Status back = StatusMapping.fromGrpc(io.grpc.Status.INTERNAL, new Metadata(), "boom");
    assertEquals(Status.of(StatusCode.INTERNAL, "boom").code(), back.code());
    assertEquals("boom", back.message());
    assertFalse(back.detail().isPresent());
  }

  @Test
  void detailsThatAreNotAGoogleRpcStatusAreDropped() {
    Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {(byte) 0xff, (byte) 0xff});
    Status back = StatusMapping.fromGrpc(io.grpc.Status.NOT_FOUND, trailers, "gone");
    assertEquals(StatusCode.NOT_FOUND, back.code());
    assertFalse(back.detail().isPresent());
  }
}
