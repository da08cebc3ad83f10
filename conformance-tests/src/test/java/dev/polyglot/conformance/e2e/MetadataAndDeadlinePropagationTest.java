package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.interop.v1.GetItemRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A gRPC caller's metadata and deadline reach a gRPC backend through the gateway. */
class MetadataAndDeadlinePropagationTest {
  static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<byte[]> TRACE = Metadata.Key.of("trace-bin", Metadata.BINARY_BYTE_MARSHALLER);

  @Test
  void headersAndTheCallersDeadlineArriveAtTheBackend() throws Exception {
    try (CountingGrpcBackend backend = CountingGrpcBackend.start("modern");
        E2eGateway gateway = E2eGateway.start("""
            backends:
              modern:
                protocol: grpc
                endpoints: [ "127.0.0.1:%d" ]
            routes:
              - service: polyglot.interop.v1.InteropService
                backend: modern
            """.formatted(backend.port()))) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort()).usePlaintext().build();
      try {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, "req-42");
        headers.put(TRACE, new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF});
        InteropServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
            .withDeadlineAfter(3, TimeUnit.SECONDS)
            .getItem(GetItemRequest.newBuilder().setSku("lamp-3").build());
        Metadata seen = backend.lastHeaders.get();
        assertEquals("req-42", seen.get(REQUEST_ID));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}, seen.get(TRACE));
        long left = backend.lastDeadlineMillis.get();
        assertTrue(left > 0 && left <= 3000, "deadline at the backend: " + left + " ms left (expected: at most the caller's 3000)");
      } finally {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
