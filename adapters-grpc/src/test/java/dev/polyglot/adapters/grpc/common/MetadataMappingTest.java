package dev.polyglot.adapters.grpc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataMappingTest {

  @ParameterizedTest(name = "{0} forwarded: {1}")
  @CsvSource({
      "x-request-id, true",
      "authorization, true",
      "x-trace-bin, true",
      "grpc-timeout, false",
      "grpc-encoding, false",
      "grpc-status-details-bin, false",
      "content-type, false",
      "user-agent, false",
      "te, false",
      "host, false",
      ":authority, false",
  })
  void hopHeadersStayOnTheirHop(String key, boolean forwarded) {
    assertEquals(forwarded, MetadataMapping.isForwarded(key));
  }

  @Test
  void callerHeadersBecomeNeutralMetadataInOrderWithBinaryValuesAsUnpaddedBase64() {
    io.grpc.Metadata headers = new io.grpc.Metadata();
    headers.put(io.grpc.Metadata.Key.of("x-request-id", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "42");
    headers.put(io.grpc.Metadata.Key.of("x-trace-bin", io.grpc.Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2, 3, 4});
    headers.put(io.grpc.Metadata.Key.of("x-request-id", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "43");
    headers.put(io.grpc.Metadata.Key.of("grpc-accept-encoding", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "gzip");
    dev.polyglot.gateway.call.Metadata m = MetadataMapping.fromGrpc(headers);
    assertEquals(List.of("42", "43"), m.getAll("x-request-id"));
    assertEquals("AQIDBA", m.get("x-trace-bin"));
    assertEquals(null, m.get("grpc-accept-encoding"));
  }

  @Test
  void neutralMetadataBecomesGrpcHeadersSkippingWhatGrpcCannotCarry() {
    dev.polyglot.gateway.call.Metadata m = dev.polyglot.gateway.call.Metadata.of(
        "x-request-id", "42",
        "x-trace-bin", "AQIDBA==",
        "x-bad-bin", "not base64!",
        "bad key", "v",
        "grpc-timeout", "1S");
    io.grpc.Metadata out = MetadataMapping.toGrpc(m);
    assertEquals("42", out.get(io.grpc.Metadata.Key.of("x-request-id", io.grpc.Metadata.ASCII_STRING_MARSHALLER)));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, out.get(io.grpc.Metadata.Key.of("x-trace-bin", io.grpc.Metadata.BINARY_BYTE_MARSHALLER)));
    assertEquals(java.util.Set.of("x-request-id", "x-trace-bin"), out.keys());
  }
}
