package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the gRPC listener of a gateway that translates gRPC callers to a Thrift backend:
 * raw request bytes through a byte-array method descriptor, each answered with its exact status,
 * while a healthy caller on another channel is answered during and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcListenerBadInputTest {
  static final String SERVICE = "polyglot.interop.v1.InteropService";

  BadInputFixture fixture;
  ManagedChannel healthy;

  @BeforeAll
  void start() throws Exception {
    fixture = BadInputFixture.start();
    healthy = channel();
  }

  @AfterAll
  void stop() throws InterruptedException {
    healthy.shutdownNow();
    healthy.awaitTermination(5, TimeUnit.SECONDS);
    fixture.close();
  }

  ManagedChannel channel() {
    return NettyChannelBuilder.forAddress("127.0.0.1", fixture.gateway.grpcPort()).usePlaintext().build();
  }

  void assertHealthy(String text) {
    assertEquals(text, InteropServiceGrpc.newBlockingStub(healthy).withDeadlineAfter(10, TimeUnit.SECONDS)
        .echoString(EchoStringRequest.newBuilder().setValue(text).build()).getValue());
  }

  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  static MethodDescriptor<byte[], byte[]> method(String fullName) {
    return MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullName).build();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return b;
  }

  /** Field 1 as a varint: what EchoByteRequest/EchoI16Request carry. */
  static byte[] varintField1(long v) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x08);
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    return out.toByteArray();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("an unknown method", SERVICE + "/NoSuchMethod", new byte[0], Status.Code.UNIMPLEMENTED,
            "unknown method NoSuchMethod of service polyglot.interop.v1.InteropService"),
        Arguments.of("an unknown service", "no.such.Service/Call", new byte[0], Status.Code.UNIMPLEMENTED,
            "unknown service no.such.Service"),
        Arguments.of("garbage bytes", SERVICE + "/EchoString", bytes(0xFF, 0xFF, 0xFF, 0xFF), Status.Code.INVALID_ARGUMENT,
            "input ends early (expected: a field tag)"),
        Arguments.of("a message truncated inside a string", SERVICE + "/EchoString", bytes(0x0A, 0x05, 'a', 'b'),
            Status.Code.INVALID_ARGUMENT, "value: length 5 exceeds the 2 bytes remaining (expected: at most 2)"),
        Arguments.of("an i8 out of range for the Thrift backend", SERVICE + "/EchoByte", varintField1(300),
            Status.Code.INVALID_ARGUMENT, "value: 300 is out of range (expected: an i8 between -128 and 127)"),
        Arguments.of("an i16 out of range for the Thrift backend", SERVICE + "/EchoI16", varintField1(-40000L),
            Status.Code.INVALID_ARGUMENT, "value: -40000 is out of range (expected: an i16 between -32768 and 32767)"),
        Arguments.of("a message over max_message_size", SERVICE + "/EchoBinary", oversized(),
            Status.Code.RESOURCE_EXHAUSTED, "gRPC message exceeds maximum size 65536: 65552"));
  }

  static byte[] oversized() {
    byte[] payload = new byte[BadInputFixture.LIMIT + 16];
    // Field 1, length-delimited, with a 3-byte varint length.
    int len = payload.length - 4;
    payload[0] = 0x0A;
    payload[1] = (byte) ((len & 0x7F) | 0x80);
    payload[2] = (byte) (((len >>> 7) & 0x7F) | 0x80);
    payload[3] = (byte) (len >>> 14);
    return payload;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void aBadRequestGetsItsExactStatusAndAHealthyChannelKeepsBeingServed(String name, String fullMethod, byte[] request,
      Status.Code code, String message) throws InterruptedException {
    assertHealthy("before");
    ManagedChannel bad = channel();
    try {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(bad,
          method(fullMethod), CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request));
      assertHealthy("during");
      assertEquals(code + ": " + message, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      // The bad caller's channel keeps working too.
      assertEquals("same channel", InteropServiceGrpc.newBlockingStub(bad).withDeadlineAfter(10, TimeUnit.SECONDS)
          .echoString(EchoStringRequest.newBuilder().setValue("same channel").build()).getValue());
    } finally {
      bad.shutdownNow();
      bad.awaitTermination(5, TimeUnit.SECONDS);
    }
    assertHealthy("after");
  }

  @Test
  void bytesThatAreNotHttp2CloseOnlyTheirOwnConnection() throws Exception {
    assertHealthy("before");
    try (Socket raw = new Socket("127.0.0.1", fixture.gateway.grpcPort())) {
      raw.setSoTimeout(10_000);
      raw.getOutputStream().write("this is not an HTTP/2 connection preface\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      raw.getOutputStream().flush();
      byte[] answer = raw.getInputStream().readAllBytes();
      assertHealthy("during");
      // readAllBytes returned: the gateway closed the connection, after its opening SETTINGS (type 4) and,
      // last, a GOAWAY (type 7); a WINDOW_UPDATE may come between.
      java.util.List<Integer> frameTypes = new java.util.ArrayList<>();
      for (int at = 0; at + 9 <= answer.length; ) {
        int length = ((answer[at] & 0xFF) << 16) | ((answer[at + 1] & 0xFF) << 8) | (answer[at + 2] & 0xFF);
        frameTypes.add(answer[at + 3] & 0xFF);
        at += 9 + length;
      }
      assertEquals(java.util.List.of(4, 7), java.util.List.of(frameTypes.get(0), frameTypes.get(frameTypes.size() - 1)),
          "first and last HTTP/2 frame types of the answer " + frameTypes);
    }
    assertHealthy("after");
  }
}
