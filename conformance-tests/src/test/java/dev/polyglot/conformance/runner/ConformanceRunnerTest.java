package dev.polyglot.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.polyglot.conformance.cases.ConformanceCase;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.suite.ConformanceSuite;
import dev.polyglot.gateway.route.TranslatorFactory;
import io.grpc.HandlerRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformanceRunnerTest {

  private static ConformanceCase named(String group, String name) {
    return new ConformanceCase(name, group, "", "ping", JsonNodeFactory.instance.objectNode(), Optional.empty(), Optional.empty(),
        List.of(), OptionalLong.empty(), 1);
  }

  @ParameterizedTest(name = "{0} selects {1}/{2}: {3}")
  @CsvSource({
      "i64,               base types, i64 maximum, true",
      "I64,               base types, i64 maximum, true",
      "base types/i64*,   base types, i64 maximum, true",
      "base types/i64*,   structs,    i64 maximum, false",
      "*maximum,          base types, i64 maximum, true",
      "*/i8*,             base types, i64 maximum, false",
      "exceptions/*,      exceptions, getItem not found, true",
      "getItem,           structs,    getItem, true"})
  void onlyPatternsMatchNamesAndGroupSlashNames(String pattern, String group, String name, boolean selected) throws Exception {
    try (TargetSession session = closedPortSession()) {
      assertEquals(selected, ConformanceRunner.of(session, Duration.ofSeconds(1), Optional.of(pattern)).selects(named(group, name)));
    }
  }

  @Test
  void anUnreachableTargetFailsEachCaseWithUnavailable() throws Exception {
    try (TargetSession session = closedPortSession()) {
      ConformanceCase ping = named("base types", "ping");
      CaseResult r = ConformanceRunner.of(session, Duration.ofSeconds(2), Optional.empty()).runOne(ping);
      assertEquals("FAIL base types/ping: expected a result, received error unavailable: thrift://127.0.0.1:" + session.target().port()
          + ": java.net.ConnectException: Connection refused", r.line());
    }
  }

  @Test
  void aReplyThatDoesNotDecodeFailsItsCaseAndTheRunGoesOn() throws Exception {
    MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
      @Override
      public java.io.InputStream stream(byte[] value) {
        return new java.io.ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(java.io.InputStream stream) {
        try {
          return stream.readAllBytes();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    // Every call is answered with a field tag and no value: truncated protobuf.
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).fallbackHandlerRegistry(new HandlerRegistry() {
      @Override
      public ServerMethodDefinition<?, ?> lookupMethod(String name, String authority) {
        MethodDescriptor<byte[], byte[]> md = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(name).setRequestMarshaller(bytes).setResponseMarshaller(bytes).build();
        return ServerMethodDefinition.create(md, ServerCalls.asyncUnaryCall((request, reply) -> {
          reply.onNext(new byte[] {0x08});
          reply.onCompleted();
        }));
      }
    }).build().start();
    try {
      CallerView view = CallerView.of(ConformanceSuite.loadIdl(List.of()), "polyglot.interop.v1.InteropService");
      try (TargetSession session = TargetSession.open(Target.parse("grpc://127.0.0.1:" + server.getPort()), view, Optional.empty(),
          ThriftTransport.FRAMED, ThriftEncoding.BINARY, TranslatorFactory.passThroughOnly())) {
        ConformanceCase echo = new ConformanceCase("echo", "base types", "", "EchoI64", JsonNodeFactory.instance.objectNode().put("value", "1"),
            Optional.of(JsonNodeFactory.instance.objectNode().put("value", "1")), Optional.empty(), List.of(), OptionalLong.empty(), 1);
        CaseResult r = ConformanceRunner.of(session, Duration.ofSeconds(5), Optional.empty()).runOne(echo);
        assertEquals("FAIL base types/echo: expected a result, received error internal: the reply of EchoI64 does not decode: value: input ends early (expected: an int64)", r.line());
      }
    } finally {
      server.shutdownNow();
    }
  }

  private static TargetSession closedPortSession() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CallerView view = CallerView.of(ConformanceSuite.loadIdl(List.of()), "interop.Interop");
    return TargetSession.open(Target.parse("thrift://127.0.0.1:" + port), view, Optional.empty(), ThriftTransport.FRAMED,
        ThriftEncoding.BINARY, TranslatorFactory.passThroughOnly());
  }
}
