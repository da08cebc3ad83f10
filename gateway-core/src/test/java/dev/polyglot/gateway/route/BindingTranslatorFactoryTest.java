package dev.polyglot.gateway.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.CodedOutputStream;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.testing.InProcessBackend;
import dev.polyglot.gateway.testing.InProcessBackendFactory;
import dev.polyglot.gateway.testing.InProcessListener;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translators' bindings inside a real {@link Gateway}: a Thrift caller of {@code
 * interop.Interop} routed to the proto service {@code polyglot.interop.v1.InteropService} served by
 * an in-process backend that speaks protobuf.
 */
class BindingTranslatorFactoryTest {
  static final Path THRIFT = Path.of("../conformance-tests/src/main/resources/idl/interop.thrift");
  static final Path PROTO = Path.of("../conformance-tests/src/main/proto/polyglot/interop/v1/interop.proto");

  @TempDir Path dir;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();
  private final InProcessBackendFactory grpcClients = new InProcessBackendFactory(BackendProtocol.GRPC, WireFormat.PROTOBUF, this::serve);
  private final InProcessListener listener = new InProcessListener();
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) gateway.stop();
  }

  /** The proto backend: GetItem answers an Item, or NOT_FOUND with an ItemNotFound detail. */
  private Reply serve(String method, byte[] request) {
    received.add(request);
    if (!method.equals("GetItem")) return Reply.error(StatusCode.UNIMPLEMENTED, method);
    // GetItemRequest { string sku = 1; }: the sku's bytes follow the tag and length.
    String sku = new String(request, 2, request.length - 2, java.nio.charset.StandardCharsets.UTF_8);
    if (sku.equals("missing")) {
      byte[] detail = proto(out -> {
        out.writeString(1, "no item with sku missing");
        out.writeString(2, "missing");
      });
      return Reply.error(Status.of(StatusCode.NOT_FOUND, "no item with sku missing", Status.Detail.of("polyglot.interop.v1.ItemNotFound", WireFormat.PROTOBUF, detail)));
    }
    return Reply.ok(WireFormat.PROTOBUF, proto(out -> {
      out.writeString(1, sku);
      out.writeInt32(3, 7);
      out.writeString(9, "stock");
    }));
  }

  interface ProtoBody {
    void write(CodedOutputStream out) throws Exception;
  }

  private static byte[] proto(ProtoBody body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      body.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  interface ThriftBody {
    void write(TProtocol out) throws Exception;
  }

  private static byte[] thrift(ThriftBody body) throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    body.write(new TBinaryProtocol(buffer));
    return java.util.Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private static byte[] getItemArgs(String sku) throws Exception {
    return thrift(o -> {
      o.writeStructBegin(new TStruct("getItem_args"));
      o.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
      o.writeString(sku);
      o.writeFieldStop();
      o.writeStructEnd();
    });
  }

  private void start() throws Exception {
    Files.createDirectories(dir.resolve("idl"));
    Files.copy(THRIFT, dir.resolve("idl/interop.thrift"));
    Files.copy(PROTO, dir.resolve("idl/interop.proto"));
    int clusterPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      clusterPort = s.getLocalPort();
    }
    Files.writeString(dir.resolve("gateway.yaml"), """
        idl: [ idl ]
        listeners: {}
        backends:
          new-grpc: { protocol: grpc, endpoints: [ "127.0.0.1:50061" ] }
        routes:
          - service: interop.Interop
            backend: new-grpc
            backend_service: polyglot.interop.v1.InteropService
        cluster: { name: binding-test-%d, port: %d }
        shutdown: { grace_period: 2s }
        """.formatted(clusterPort, clusterPort));
    GatewayConfig config = GatewayConfigLoader.load(dir.resolve("gateway.yaml"));
    // No translatorFactory(...) call: the bindings are the Gateway's default.
    gateway = Gateway.builder(config).backendFactory(grpcClients).listener(listener).build().start();
  }

  @Test
  void aThriftCallerIsServedByTheProtoBackendThroughTheBinding() throws Exception {
    start();

    Reply reply = listener.call("interop.Interop", "getItem", WireFormat.THRIFT_BINARY, getItemArgs("A-1")).join();

    assertArrayEquals(new byte[] {0x0A, 0x03, 'A', '-', '1'}, received.get(0));
    byte[] expected = thrift(o -> {
      o.writeStructBegin(new TStruct("getItem_result"));
      o.writeFieldBegin(new TField("success", TType.STRUCT, (short) 0));
      o.writeStructBegin(new TStruct("Item"));
      o.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
      o.writeString("A-1");
      o.writeFieldBegin(new TField("quantity", TType.I32, (short) 3));
      o.writeI32(7);
      o.writeFieldBegin(new TField("tags", TType.LIST, (short) 9));
      o.writeListBegin(new TList(TType.STRING, 1));
      o.writeString("stock");
      o.writeFieldBegin(new TField("origin", TType.STRING, (short) 12));
      o.writeString("");
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });
    assertEquals(WireFormat.THRIFT_BINARY, reply.format());
    assertArrayEquals(expected, reply.payload());
    InProcessBackend backend = grpcClients.latest("new-grpc");
    assertEquals(1, backend.calls("GetItem"));
  }

  @Test
  void aGrpcDetailReachesTheThriftCallerAsItsDeclaredException() throws Exception {
    start();

    Reply reply = listener.call("interop.Interop", "getItem", WireFormat.THRIFT_BINARY, getItemArgs("missing")).join();

    byte[] exception = thrift(o -> {
      o.writeStructBegin(new TStruct("ItemNotFound"));
      o.writeFieldBegin(new TField("message", TType.STRING, (short) 1));
      o.writeString("no item with sku missing");
      o.writeFieldBegin(new TField("sku", TType.STRING, (short) 2));
      o.writeString("missing");
      o.writeFieldStop();
      o.writeStructEnd();
    });
    assertEquals(Status.of(StatusCode.NOT_FOUND, "no item with sku missing", Status.Detail.of("interop.ItemNotFound", WireFormat.THRIFT_BINARY, exception)), reply.status());
  }

  @Test
  void aRequestThatDoesNotDecodeIsAnInvalidArgumentNamingTheField() throws Exception {
    start();
    byte[] truncated = {11, 0, 1, 0, 0, 0, 9, 'A'};

    Reply reply = listener.call("interop.Interop", "getItem", WireFormat.THRIFT_BINARY, truncated).join();

    assertEquals(StatusCode.INVALID_ARGUMENT, reply.status().code());
    assertEquals("sku: length 9 exceeds the 1 bytes remaining (expected: at most 1)", reply.status().message());
    assertEquals(List.of(), received);
  }

  @Test
  void aPairThatCannotBeBoundIsRefusedWithTheReasons() throws Exception {
    Files.writeString(dir.resolve("keys.thrift"), """
        struct Key { 1: i32 a }
        service Keys { map<Key, string> lookup() }
        """);
    Files.writeString(dir.resolve("keys.proto"), """
        syntax = "proto3";
        package keys.v1;
        import "google/protobuf/empty.proto";
        message LookupResponse { map<string, string> value = 1; }
        service KeysService { rpc Lookup(google.protobuf.Empty) returns (LookupResponse); }
        """);
    Schema schema = IdlLoader.create().load(List.of(dir.resolve("keys.thrift"), dir.resolve("keys.proto")));
    var caller = schema.requireService("keys.Keys");
    var backend = schema.requireService("keys.v1.KeysService");
    MethodPair pair = new MethodPair(schema, caller, caller.methods().get(0), backend, backend.methods().get(0), WireFormat.PROTOBUF);

    BridgeException e = assertThrows(BridgeException.class, () -> new BindingTranslatorFactory().bind(pair));

    assertEquals(List.of("lookup.response: unmappable shape: map<keys.Key,string> has a struct key (proto map keys are integers, bool or string)"), e.reasons());
  }
}
