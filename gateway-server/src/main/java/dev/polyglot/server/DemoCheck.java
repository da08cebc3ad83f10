package dev.polyglot.server;

import dev.polyglot.interop.v1.EchoStringRequest;
import dev.polyglot.interop.v1.InteropServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * {@code demo --check}: one call per caller protocol through the running demo gateway, each with a
 * client that shares nothing with the gateway's codecs (java.net.http, a grpc-java generated stub,
 * libthrift's own protocol classes). Prints one line per call.
 */
final class DemoCheck {
  static final String GREETING = "héllo, wörld ✓";

  private DemoCheck() {}

  static boolean run(PrintWriter out, InetSocketAddress http, InetSocketAddress thrift, InetSocketAddress grpc) {
    boolean ok = true;
    ok &= report(out, "http -> grpc backend", "\"" + GREETING + "\"", () -> httpEcho(http));
    ok &= report(out, "grpc -> thrift backend", GREETING, () -> grpcEcho(grpc));
    ok &= report(out, "thrift -> grpc backend", GREETING, () -> thriftEcho(thrift));
    return ok;
  }

  private interface Probe {
    String call() throws Exception;
  }

  private static boolean report(PrintWriter out, String name, String expected, Probe probe) {
    String got;
    try {
      got = probe.call();
    } catch (Exception e) {
      got = "failed: " + e;
    }
    boolean ok = expected.equals(got);
    out.printf("%-24s %s  %s%n", name, ok ? "ok  " : "FAIL", got);
    return ok;
  }

  private static String httpEcho(InetSocketAddress a) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + "/interop.Interop/echoString"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"value\": \"" + GREETING + "\"}", StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return resp.statusCode() == 200 ? resp.body() : resp.statusCode() + " " + resp.body();
  }

  private static String grpcEcho(InetSocketAddress a) throws Exception {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", a.getPort()).usePlaintext().build();
    try {
      return InteropServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .echoString(EchoStringRequest.newBuilder().setValue(GREETING).build())
          .getValue();
    } finally {
      channel.shutdownNow();
    }
  }

  private static String thriftEcho(InetSocketAddress a) throws Exception {
    try (TSocket socket = new TSocket("127.0.0.1", a.getPort(), 10_000)) {
      socket.open();
      TFramedTransport transport = new TFramedTransport(socket);
      TBinaryProtocol p = new TBinaryProtocol(transport);
      p.writeMessageBegin(new TMessage("echoString", TMessageType.CALL, 7));
      p.writeStructBegin(new TStruct("echoString_args"));
      p.writeFieldBegin(new TField("value", TType.STRING, (short) 1));
      p.writeString(GREETING);
      p.writeFieldEnd();
      p.writeFieldStop();
      p.writeStructEnd();
      p.writeMessageEnd();
      transport.flush();
      TMessage reply = p.readMessageBegin();
      if (reply.type == TMessageType.EXCEPTION) {
        TApplicationException x = TApplicationException.readFrom(p);
        return "TApplicationException(" + x.getType() + "): " + x.getMessage();
      }
      String value = null;
      p.readStructBegin();
      for (TField f = p.readFieldBegin(); f.type != TType.STOP; f = p.readFieldBegin()) {
        if (f.id == 0 && f.type == TType.STRING) value = p.readString();
        else org.apache.thrift.protocol.TProtocolUtil.skip(p, f.type);
        p.readFieldEnd();
      }
      p.readStructEnd();
      p.readMessageEnd();
      return value;
    }
  }
}
