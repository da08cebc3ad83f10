package dev.polyglot.adapters.grpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.polyglot.adapters.grpc.testing.GatewayFixture;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.reflection.v1.ExtensionRequest;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server reflection through the gateway's gRPC port with the generated reflection stubs of
 * grpc-services, v1 and v1alpha: every case runs against both.
 */
class ReflectionTest {
  private static final String ECHO_PROTO = "polyglot/grpctest/v1/echo.proto";
  private static final String ITEM_PROTO = "polyglot/grpctest/v1/item.proto";
  private static final String EMPTY_PROTO = "google/protobuf/empty.proto";
  private static final String TIMESTAMP_PROTO = "google/protobuf/timestamp.proto";
  private static final String DESCRIPTOR_PROTO = "google/protobuf/descriptor.proto";

  private static GatewayFixture fixture;
  private static ManagedChannel channel;

  @BeforeAll
  static void startGateway() throws Exception {
    fixture = GatewayFixture.start();
    channel = fixture.newChannel();
  }

  @AfterAll
  static void stopGateway() throws Exception {
    if (channel != null) GatewayFixture.shutdown(channel);
    if (fixture != null) fixture.close();
  }

  /** The two reflection protocols, each spoken with its own generated stub. */
  enum Version {
    V1 {
      @Override
      ServerReflectionResponse ask(ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(collect(answer, Function.identity()));
        requests.onNext(request);
        requests.onCompleted();
        return answer.get(10, TimeUnit.SECONDS);
      }
    },
    V1ALPHA {
      @Override
      ServerReflectionResponse ask(ServerReflectionRequest request) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<io.grpc.reflection.v1alpha.ServerReflectionRequest> requests = io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(collect(answer, r -> reparse(r.toByteString())));
        // The v1alpha messages carry the same fields as v1; the test states its cases once, in v1 terms.
        requests.onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.parseFrom(request.toByteString()));
        requests.onCompleted();
        return answer.get(10, TimeUnit.SECONDS);
      }
    };

    abstract ServerReflectionResponse ask(ServerReflectionRequest request) throws Exception;
  }

  private static ServerReflectionResponse reparse(ByteString bytes) {
    try {
      return ServerReflectionResponse.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> StreamObserver<T> collect(CompletableFuture<ServerReflectionResponse> answer, Function<T, ServerReflectionResponse> convert) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        answer.complete(convert.apply(value));
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        answer.completeExceptionally(new AssertionError("stream completed without an answer"));
      }
    };
  }

  private static List<String> fileNames(ServerReflectionResponse r) throws InvalidProtocolBufferException {
    List<String> names = new ArrayList<>();
    for (ByteString b : r.getFileDescriptorResponse().getFileDescriptorProtoList()) names.add(FileDescriptorProto.parseFrom(b).getName());
    return names;
  }

  /** Rebuilds every returned file with protobuf-java, dependencies first, and returns them by name. */
  private static Map<String, FileDescriptor> rebuild(ServerReflectionResponse r) throws Exception {
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    for (ByteString b : r.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      FileDescriptorProto p = FileDescriptorProto.parseFrom(b);
      protos.put(p.getName(), p);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (String name : protos.keySet()) build(name, protos, built);
    return built;
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built) throws Exception {
    FileDescriptor done = built.get(name);
    if (done != null) return done;
    FileDescriptorProto p = protos.get(name);
    if (p == null) throw new AssertionError("dependency " + name + " was not returned");
    List<FileDescriptor> deps = new ArrayList<>();
    for (String d : p.getDependencyList()) deps.add(build(d, protos, built));
    FileDescriptor fd = FileDescriptor.buildFrom(p, deps.toArray(new FileDescriptor[0]));
    built.put(name, fd);
    return fd;
  }

  @ParameterizedTest
  @EnumSource(Version.class)
  void listServicesNamesTheRoutedProtoServicesWithHealthAndReflection(Version version) throws Exception {
    ServerReflectionResponse r = version.ask(ServerReflectionRequest.newBuilder().setHost("gw").setListServices("*").build());
    List<String> names = r.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
    assertEquals(List.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
        "polyglot.grpctest.v1.DarkService", "polyglot.grpctest.v1.EchoService"), names);
    assertEquals("gw", r.getValidHost());
    assertEquals("*", r.getOriginalRequest().getListServices());
  }

  @ParameterizedTest
  @EnumSource(Version.class)
  void theFileContainingAServiceComesWithItsTransitiveDependenciesAndRebuilds(Version version) throws Exception {
    ServerReflectionResponse r = version.ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol("polyglot.grpctest.v1.EchoService").build());
    assertEquals(List.of(ECHO_PROTO, EMPTY_PROTO, ITEM_PROTO, DESCRIPTOR_PROTO, TIMESTAMP_PROTO), fileNames(r));
    Map<String, FileDescriptor> files = rebuild(r);
    FileDescriptor echo = files.get(ECHO_PROTO);
    assertEquals(List.of("Echo", "GetItem", "Ping", "Watch"),
        echo.findServiceByName("EchoService").getMethods().stream().map(MethodDescriptor::getName).toList());
    assertEquals("polyglot.grpctest.v1.Item", echo.findServiceByName("EchoService").findMethodByName("GetItem").getOutputType().getFullName());
    assertEquals(List.of("sku", "warehouse"),
        files.get(ITEM_PROTO).findMessageTypeByName("ItemNotFound").getFields().stream().map(f -> f.getName()).toList());
  }

  static Stream<Arguments> symbols() {
    List<Arguments> cases = new ArrayList<>();
    for (Version v : Version.values()) {
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.EchoService.GetItem", ECHO_PROTO));
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.DarkService", ECHO_PROTO));
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.EchoRequest", ECHO_PROTO));
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.ItemNotFound", ITEM_PROTO));
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.Color", ITEM_PROTO));
      cases.add(Arguments.of(v, "polyglot.grpctest.v1.audit_tag", ITEM_PROTO));
      cases.add(Arguments.of(v, "google.protobuf.Empty", EMPTY_PROTO));
      cases.add(Arguments.of(v, "grpc.health.v1.Health", "grpc/health/v1/health.proto"));
      cases.add(Arguments.of(v, "grpc.reflection.v1alpha.ServerReflection", "grpc/reflection/v1alpha/reflection.proto"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("symbols")
  void everyKindOfSymbolIsFoundInItsFile(Version version, String symbol, String file) throws Exception {
    ServerReflectionResponse r = version.ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
    assertEquals(file, fileNames(r).get(0));
    rebuild(r);
  }

  @ParameterizedTest
  @EnumSource(Version.class)
  void aFileByNameComesWithItsDependencies(Version version) throws Exception {
    ServerReflectionResponse r = version.ask(ServerReflectionRequest.newBuilder().setFileByFilename(ITEM_PROTO).build());
    assertEquals(List.of(ITEM_PROTO, DESCRIPTOR_PROTO, TIMESTAMP_PROTO), fileNames(r));
    assertEquals(ITEM_PROTO, rebuild(r).get(ITEM_PROTO).getName());
  }

  @ParameterizedTest
  @EnumSource(Version.class)
  void extensionsAreFoundByContainingTypeAndNumber(Version version) throws Exception {
    ServerReflectionResponse file = version.ask(ServerReflectionRequest.newBuilder()
        .setFileContainingExtension(ExtensionRequest.newBuilder().setContainingType("google.protobuf.MethodOptions").setExtensionNumber(50001)).build());
    assertEquals(ITEM_PROTO, fileNames(file).get(0));
    ServerReflectionResponse numbers = version.ask(ServerReflectionRequest.newBuilder().setAllExtensionNumbersOfType("google.protobuf.MethodOptions").build());
    assertEquals("google.protobuf.MethodOptions", numbers.getAllExtensionNumbersResponse().getBaseTypeName());
    assertEquals(List.of(50001), numbers.getAllExtensionNumbersResponse().getExtensionNumberList());
    ServerReflectionResponse none = version.ask(ServerReflectionRequest.newBuilder().setAllExtensionNumbersOfType("polyglot.grpctest.v1.Item").build());
    assertEquals("polyglot.grpctest.v1.Item", none.getAllExtensionNumbersResponse().getBaseTypeName());
    assertEquals(List.of(), none.getAllExtensionNumbersResponse().getExtensionNumberList());
  }

  static Stream<Arguments> unknowns() {
    List<Arguments> cases = new ArrayList<>();
    for (Version v : Version.values()) {
      cases.add(Arguments.of(v, ServerReflectionRequest.newBuilder().setFileContainingSymbol("polyglot.grpctest.v1.Nothing").build(),
          Status.Code.NOT_FOUND, "symbol not found: polyglot.grpctest.v1.Nothing"));
      cases.add(Arguments.of(v, ServerReflectionRequest.newBuilder().setFileByFilename("nothing.proto").build(), Status.Code.NOT_FOUND,
          "file not found: nothing.proto"));
      cases.add(Arguments.of(v, ServerReflectionRequest.newBuilder()
          .setFileContainingExtension(ExtensionRequest.newBuilder().setContainingType("polyglot.grpctest.v1.Item").setExtensionNumber(100)).build(),
          Status.Code.NOT_FOUND, "extension not found: number 100 of polyglot.grpctest.v1.Item"));
      cases.add(Arguments.of(v, ServerReflectionRequest.newBuilder().setAllExtensionNumbersOfType("polyglot.grpctest.v1.Nothing").build(),
          Status.Code.NOT_FOUND, "type not found: polyglot.grpctest.v1.Nothing"));
      cases.add(Arguments.of(v, ServerReflectionRequest.newBuilder().setHost("gw").build(), Status.Code.INVALID_ARGUMENT,
          "no request (expected one of: list_services, file_by_filename, file_containing_symbol, file_containing_extension, all_extension_numbers_of_type)"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {2}: {3}")
  @MethodSource("unknowns")
  void unknownNamesAreAnsweredWithAnErrorResponse(Version version, ServerReflectionRequest request, Status.Code code, String message) throws Exception {
    ServerReflectionResponse r = version.ask(request);
    assertEquals(code.value(), r.getErrorResponse().getErrorCode());
    assertEquals(message, r.getErrorResponse().getErrorMessage());
    assertEquals(request, r.getOriginalRequest());
  }
}
