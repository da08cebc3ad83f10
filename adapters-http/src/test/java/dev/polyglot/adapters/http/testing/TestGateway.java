package dev.polyglot.adapters.http.testing;

import dev.polyglot.adapters.http.admin.AdminServer;
import dev.polyglot.adapters.http.server.HttpListener;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.AdminConfig;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.GatewayConfig;
import dev.polyglot.gateway.config.HttpListenerConfig;
import dev.polyglot.gateway.config.ListenersConfig;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.translate.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real gateway for the tests: the shop Thrift service and the library proto service, each routed to
 * itself on a {@link RecordingBackend} (Thrift JSON and proto JSON), the HTTP listener and the admin
 * API on ephemeral loopback ports, and an HTTP/1.1 client.
 */
public final class TestGateway implements AutoCloseable {
  public static final String SHOP = "shop.Shop";
  public static final String LIBRARY = "test.library.v1.Library";
  public static final BackendConfig SHOP_BACKEND = BackendConfig.builder("shop-backend", BackendProtocol.THRIFT).endpoint("127.0.0.1", 9).build();
  public static final BackendConfig LIBRARY_BACKEND = BackendConfig.builder("library-backend", BackendProtocol.GRPC).endpoint("127.0.0.1", 9).build();

  public final RecordingBackendFactory thriftBackends = new RecordingBackendFactory(BackendProtocol.THRIFT, WireFormat.THRIFT_JSON);
  public final RecordingBackendFactory grpcBackends = new RecordingBackendFactory(BackendProtocol.GRPC, WireFormat.PROTO_JSON);
  public final Gateway gateway;
  public final HttpListener listener;
  public final AdminServer admin;
  public final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final Path dir;

  private TestGateway(long maxBodyBytes) throws IOException {
    dir = Files.createTempDirectory("adapters-http-test");
    copy("idl/shop.thrift", dir.resolve("shop.thrift"));
    copy("idl/library.proto", dir.resolve("library.proto"));
    GatewayConfig config = GatewayConfig.builder()
        .baseDirectory(dir)
        .idl(dir.resolve("shop.thrift"))
        .idl(dir.resolve("library.proto"))
        .listeners(ListenersConfig.NONE)
        .backend(SHOP_BACKEND)
        .backend(LIBRARY_BACKEND)
        .route(RouteConfig.of(SHOP, SHOP_BACKEND.name()))
        .route(RouteConfig.of(LIBRARY, LIBRARY_BACKEND.name()))
        .shutdownGracePeriod(Duration.ofSeconds(2))
        .build();
    listener = new HttpListener(new HttpListenerConfig("127.0.0.1", 0, maxBodyBytes), 2);
    gateway = Gateway.builder(config)
        .listener(listener)
        .backendFactory(thriftBackends)
        .backendFactory(grpcBackends)
        .translatorFactory(new ValidatingTranslatorFactory())
        .build()
        .start();
    admin = new AdminServer(new AdminConfig("127.0.0.1", 0), gateway).start();
  }

  public static TestGateway start(long maxBodyBytes) throws IOException {
    return new TestGateway(maxBodyBytes);
  }

  public RecordingBackend shop() {
    return thriftBackends.backend(SHOP_BACKEND.name());
  }

  public RecordingBackend library() {
    return grpcBackends.backend(LIBRARY_BACKEND.name());
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + listener.address().getPort() + pathAndQuery);
  }

  public URI adminUri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + admin.address().getPort() + pathAndQuery);
  }

  /** Sends {@code verb path} with a JSON body (null: none) to the listener. */
  public HttpResponse<String> call(String verb, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    if (json != null) b.header("Content-Type", "application/json");
    return send(b.method(verb, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> admin(String verb, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(adminUri(path)).timeout(Duration.ofSeconds(30));
    if (body != null) b.header("Content-Type", "application/json");
    return send(b.method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = TestGateway.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IOException("missing test resource " + resource);
      Files.copy(in, to);
    }
  }

  @Override
  public void close() {
    admin.close();
    gateway.stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
