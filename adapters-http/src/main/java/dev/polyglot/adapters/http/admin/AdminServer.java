package dev.polyglot.adapters.http.admin;

import static dev.polyglot.adapters.http.admin.AdminDocuments.JSON;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyglot.adapters.http.common.JsonResponses;
import dev.polyglot.gateway.Gateway;
import dev.polyglot.gateway.config.AdminConfig;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.ConfigException;
import dev.polyglot.gateway.config.ConfigProblem;
import dev.polyglot.gateway.config.GatewayConfigLoader;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.Compilation;
import dev.polyglot.gateway.route.RouteRejectedException;
import dev.polyglot.gateway.route.RouteRejection;
import dev.polyglot.gateway.route.RouteSnapshot;
import dev.polyglot.gateway.route.RouteSources;
import dev.polyglot.gateway.route.RouteTable;
import dev.polyglot.gateway.route.SchemaLoader;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.Compatibility;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API on its own port ({@link AdminConfig}), over a started {@link Gateway}'s route
 * table and cache:
 *
 * <pre>
 * GET    /routes                    every route (gateway.yaml keys) with "serving" and its "problems"
 * GET    /routes/{service}          one of them
 * PUT    /routes/{service}          apply a route (JSON with the keys of a routes: entry; "service" may be omitted)
 * DELETE /routes/{service}
 * GET    /backends                  every backend;  GET /backends/{name} one of them
 * PUT    /backends/{name}           apply a backend (JSON with the keys of a backends: value)
 * DELETE /backends/{name}
 * GET    /idl                       file names and sizes;  GET /idl/{file} the text
 * PUT    /idl/{file}                upload IDL text (any content type);  DELETE /idl/{file}
 * GET    /compat?caller=S&amp;backend=S  the compatibility report (JSON; text with Accept: text/plain)
 * GET    /cache                     response cache hits, misses, evictions, entries, bytes
 * </pre>
 *
 * <p>Refusals: a document that does not parse or validate is 400 with {@code problems} (each with
 * its location and key path); a change the route table refuses because a route could not be bridged
 * is 409 with the report in {@code message} and {@code rejections} — the table is unchanged and
 * the previous snapshot keeps serving. An IDL that does not load is 400 with every problem.
 *
 * <p>Design note: the route table compiles and talks to the cluster, so requests are handed from
 * Undertow's I/O threads to its small worker pool and handled there, blocking; this API is not on
 * the data path. Thread-safe; {@link #start} once, {@link #close} idempotent.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  /** Uploads (IDL text, documents) larger than this are refused. */
  static final int MAX_BODY_BYTES = 16 << 20;

  private final AdminConfig config;
  private final Gateway gateway;
  private final SchemaLoader schemaLoader;
  private Undertow server;
  private InetSocketAddress address;

  /** @param gateway must be started before {@link #start()} */
  public AdminServer(AdminConfig config, Gateway gateway) {
    this(config, gateway, SchemaLoader.idlLoader());
  }

  /** @param schemaLoader loads the cluster's IDL sources for {@code /compat} (the gateway's loader) */
  public AdminServer(AdminConfig config, Gateway gateway, SchemaLoader schemaLoader) {
    this.config = config;
    this.gateway = gateway;
    this.schemaLoader = schemaLoader;
  }

  public synchronized AdminServer start() throws IOException {
    if (server != null) throw new IllegalStateException("already started");
    Undertow s = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        .setIoThreads(1)
        .setWorkerThreads(2)
        .setHandler(new HttpContinueReadHandler(this::handle))
        .build();
    try {
      s.start();
    } catch (RuntimeException e) {
      s.stop();
      Throwable cause = e;
      while (cause.getCause() != null) cause = cause.getCause();
      throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(), e);
    }
    server = s;
    address = (InetSocketAddress) s.getListenerInfo().get(0).getAddress();
    log.info("admin API on {}", address);
    return this;
  }

  public synchronized InetSocketAddress address() {
    if (address == null) throw new IllegalStateException("not started");
    return address;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private void handle(HttpServerExchange ex) {
    if (ex.isInIoThread()) {
      ex.dispatch(this::handle);
      return;
    }
    ex.startBlocking();
    try {
      route(ex);
    } catch (RuntimeException e) {
      log.warn("admin request {} {} failed", ex.getRequestMethod(), ex.getRequestPath(), e);
      sendJson(ex, 500, AdminDocuments.error("internal", "internal error: " + e.getClass().getSimpleName()));
    }
  }

  private void route(HttpServerExchange ex) {
    String verb = ex.getRequestMethod().toString();
    String path = ex.getRelativePath();
    RouteTable table = gateway.routeTable();
    if (path.equals("/routes")) {
      if (allow(ex, verb, "GET")) listRoutes(ex, table);
    } else if (path.startsWith("/routes/") && path.length() > 8) {
      String name = path.substring(8);
      if (verb.equals("GET")) getRoute(ex, table, name);
      else if (verb.equals("PUT")) putRoute(ex, table, name);
      else if (verb.equals("DELETE")) deleteRoute(ex, table, name);
      else allow(ex, verb, "GET", "PUT", "DELETE");
    } else if (path.equals("/backends")) {
      if (allow(ex, verb, "GET")) listBackends(ex, table);
    } else if (path.startsWith("/backends/") && path.length() > 10) {
      String name = path.substring(10);
      if (verb.equals("GET")) getBackend(ex, table, name);
      else if (verb.equals("PUT")) putBackend(ex, table, name);
      else if (verb.equals("DELETE")) deleteBackend(ex, table, name);
      else allow(ex, verb, "GET", "PUT", "DELETE");
    } else if (path.equals("/idl")) {
      if (allow(ex, verb, "GET")) listIdl(ex, table);
    } else if (path.startsWith("/idl/") && path.length() > 5) {
      String name = path.substring(5);
      if (verb.equals("PUT")) putIdl(ex, table, name);
      else if (verb.equals("GET")) getIdl(ex, table, name);
      else if (verb.equals("DELETE")) deleteIdl(ex, table, name);
      else allow(ex, verb, "GET", "PUT", "DELETE");
    } else if (path.equals("/compat")) {
      if (allow(ex, verb, "GET")) compat(ex, table);
    } else if (path.equals("/cache")) {
      if (allow(ex, verb, "GET")) sendJson(ex, 200, AdminDocuments.cache(gateway.cache().stats()));
    } else {
      sendJson(ex, 404, AdminDocuments.error("not_found",
          "no admin resource " + path + " (expected one of: /routes, /backends, /idl, /compat, /cache)"));
    }
  }

  /** True if {@code verb} is one of {@code allowed}; otherwise answers 405. */
  private static boolean allow(HttpServerExchange ex, String verb, String... allowed) {
    for (String a : allowed) if (a.equals(verb)) return true;
    String list = String.join(", ", allowed);
    ex.getResponseHeaders().put(Headers.ALLOW, list);
    sendJson(ex, 405, AdminDocuments.error("unimplemented", "method " + verb + " is not allowed for " + ex.getRelativePath() + " (allowed: " + list + ")"));
    return false;
  }

  // ---- routes ------------------------------------------------------------------------------------

  private static void listRoutes(HttpServerExchange ex, RouteTable table) {
    RouteSources sources = table.sources();
    ObjectNode out = JSON.createObjectNode();
    out.put("version", table.snapshot().version());
    ArrayNode routes = out.putArray("routes");
    for (RouteConfig r : sources.routes().values()) routes.add(routeStatus(table, r));
    sendJson(ex, 200, out);
  }

  private static void getRoute(HttpServerExchange ex, RouteTable table, String name) {
    RouteConfig r = table.sources().routes().get(name);
    if (r == null) {
      sendJson(ex, 404, AdminDocuments.error("not_found", "no route for service " + name + " (routed: " + String.join(", ", table.sources().routes().keySet()) + ")"));
      return;
    }
    sendJson(ex, 200, routeStatus(table, r));
  }

  /** The route's document plus whether this node serves it and why it was last rejected, if it was. */
  private static ObjectNode routeStatus(RouteTable table, RouteConfig r) {
    RouteSnapshot snapshot = table.snapshot();
    Compilation last = table.lastCompilation();
    ObjectNode n = AdminDocuments.route(r);
    n.put("serving", snapshot.route(r.service()) != null);
    ArrayNode problems = n.putArray("problems");
    RouteRejection rejection = last.rejection(r.service());
    if (rejection != null) rejection.problems().forEach(problems::add);
    return n;
  }

  private static void putRoute(HttpServerExchange ex, RouteTable table, String name) {
    Optional<ObjectNode> doc = readObject(ex);
    if (doc.isEmpty()) return;
    ObjectNode o = doc.get();
    JsonNode service = o.get("service");
    if (service == null) {
      o.put("service", name);
    } else if (!service.isTextual() || !service.asText().equals(name)) {
      sendJson(ex, 400, AdminDocuments.error("invalid_argument", "service: " + service + " (expected: \"" + name + "\", as in the URL)"));
      return;
    }
    RouteConfig route;
    try {
      route = GatewayConfigLoader.parseRoute(o.toString(), "PUT /routes/" + name);
    } catch (ConfigException e) {
      sendProblems(ex, e);
      return;
    }
    try {
      Compilation c = table.applyRoute(route);
      ObjectNode out = JSON.createObjectNode();
      out.set("route", AdminDocuments.route(route));
      out.put("version", c.snapshot().version());
      sendJson(ex, 200, out);
    } catch (RouteRejectedException e) {
      sendRejected(ex, e);
    }
  }

  private static void deleteRoute(HttpServerExchange ex, RouteTable table, String name) {
    if (table.deleteRoute(name)) {
      sendJson(ex, 200, JSON.createObjectNode().put("deleted", name));
    } else {
      sendJson(ex, 404, AdminDocuments.error("not_found", "no route for service " + name + " (routed: " + String.join(", ", table.sources().routes().keySet()) + ")"));
    }
  }

  // ---- backends ----------------------------------------------------------------------------------

  private static void listBackends(HttpServerExchange ex, RouteTable table) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("backends");
    for (BackendConfig b : table.sources().backends().values()) list.add(AdminDocuments.backend(b));
    sendJson(ex, 200, out);
  }

  private static void getBackend(HttpServerExchange ex, RouteTable table, String name) {
    BackendConfig b = table.sources().backends().get(name);
    if (b == null) {
      sendJson(ex, 404, AdminDocuments.error("not_found", "no backend named " + name + " (defined: " + String.join(", ", table.sources().backends().keySet()) + ")"));
      return;
    }
    sendJson(ex, 200, AdminDocuments.backend(b));
  }

  private static void putBackend(HttpServerExchange ex, RouteTable table, String name) {
    Optional<ObjectNode> doc = readObject(ex);
    if (doc.isEmpty()) return;
    ObjectNode o = doc.get();
    JsonNode given = o.remove("name");
    if (given != null && !(given.isTextual() && given.asText().equals(name))) {
      sendJson(ex, 400, AdminDocuments.error("invalid_argument", "name: " + given + " (expected: \"" + name + "\", as in the URL)"));
      return;
    }
    BackendConfig backend;
    try {
      backend = GatewayConfigLoader.parseBackend(name, o.toString(), "PUT /backends/" + name);
    } catch (ConfigException e) {
      sendProblems(ex, e);
      return;
    }
    try {
      Compilation c = table.applyBackend(backend);
      ObjectNode out = JSON.createObjectNode();
      out.set("backend", AdminDocuments.backend(backend));
      out.put("version", c.snapshot().version());
      sendJson(ex, 200, out);
    } catch (RouteRejectedException e) {
      sendRejected(ex, e);
    }
  }

  private static void deleteBackend(HttpServerExchange ex, RouteTable table, String name) {
    try {
      if (table.deleteBackend(name)) {
        sendJson(ex, 200, JSON.createObjectNode().put("deleted", name));
      } else {
        sendJson(ex, 404, AdminDocuments.error("not_found", "no backend named " + name));
      }
    } catch (RouteRejectedException e) {
      sendRejected(ex, e);
    }
  }

  // ---- IDL ---------------------------------------------------------------------------------------

  private static void listIdl(HttpServerExchange ex, RouteTable table) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode files = out.putArray("files");
    for (Map.Entry<String, String> e : table.sources().idl().entrySet()) {
      files.addObject().put("name", e.getKey()).put("bytes", e.getValue().getBytes(StandardCharsets.UTF_8).length);
    }
    sendJson(ex, 200, out);
  }

  private static void getIdl(HttpServerExchange ex, RouteTable table, String name) {
    String text = table.sources().idl().get(name);
    if (text == null) {
      sendJson(ex, 404, AdminDocuments.error("not_found", "no IDL file " + name + " (loaded: " + String.join(", ", new TreeSet<>(table.sources().idl().keySet())) + ")"));
      return;
    }
    ex.setStatusCode(200);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
    ex.getResponseSender().send(text, StandardCharsets.UTF_8);
  }

  private static void putIdl(HttpServerExchange ex, RouteTable table, String name) {
    byte[] body = readBody(ex);
    if (body == null) return;
    try {
      Compilation c = table.putIdl(name, new String(body, StandardCharsets.UTF_8));
      sendJson(ex, 200, JSON.createObjectNode().put("file", name).put("bytes", body.length).put("version", c.snapshot().version()));
    } catch (RouteRejectedException e) {
      if (e.rejections().isEmpty()) {
        ObjectNode err = AdminDocuments.error("invalid_argument", e.getMessage());
        ArrayNode problems = err.putArray("problems");
        for (String line : e.getMessage().split("\n")) problems.add(line);
        sendJson(ex, 400, err);
      } else {
        sendRejected(ex, e);
      }
    }
  }

  private static void deleteIdl(HttpServerExchange ex, RouteTable table, String name) {
    try {
      if (table.deleteIdl(name)) sendJson(ex, 200, JSON.createObjectNode().put("deleted", name));
      else sendJson(ex, 404, AdminDocuments.error("not_found", "no IDL file " + name));
    } catch (RouteRejectedException e) {
      sendRejected(ex, e);
    }
  }

  // ---- compatibility -----------------------------------------------------------------------------

  private void compat(HttpServerExchange ex, RouteTable table) {
    String caller = query(ex, "caller");
    String backend = query(ex, "backend");
    if (caller == null || backend == null) {
      sendJson(ex, 400, AdminDocuments.error("invalid_argument", "query parameters caller and backend are required (expected: /compat?caller=SERVICE&backend=SERVICE)"));
      return;
    }
    Schema schema;
    try {
      schema = schemaLoader.load(table.sources().idl());
    } catch (IdlException e) {
      sendJson(ex, 500, AdminDocuments.error("internal", "the stored IDL does not load: " + e.getMessage()));
      return;
    }
    ServiceDef c;
    ServiceDef b;
    try {
      c = schema.requireService(caller);
      b = schema.requireService(backend);
    } catch (IllegalArgumentException e) {
      sendJson(ex, 404, AdminDocuments.error("not_found", e.getMessage()));
      return;
    }
    var report = Compatibility.check(schema, c, b);
    String accept = ex.getRequestHeaders().getFirst(Headers.ACCEPT);
    if (accept != null && accept.startsWith("text/plain")) {
      ex.setStatusCode(200);
      ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      ex.getResponseSender().send(report.render(), StandardCharsets.UTF_8);
      return;
    }
    sendJson(ex, 200, AdminDocuments.compat(report));
  }

  private static String query(HttpServerExchange ex, String name) {
    Deque<String> values = ex.getQueryParameters().get(name);
    return values == null || values.isEmpty() || values.peekFirst().isEmpty() ? null : values.peekFirst();
  }

  // ---- bodies and answers ------------------------------------------------------------------------

  /** The body, or null after answering 413. */
  private static byte[] readBody(HttpServerExchange ex) {
    try (InputStream in = ex.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        sendJson(ex, 413, AdminDocuments.error("resource_exhausted", "request body is over the limit of " + MAX_BODY_BYTES + " bytes"));
        return null;
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a JSON object, or empty after answering 400/413/415. */
  private static Optional<ObjectNode> readObject(HttpServerExchange ex) {
    String problem = JsonResponses.contentTypeProblem(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    if (problem != null) {
      sendJson(ex, 415, AdminDocuments.error("invalid_argument", problem));
      return Optional.empty();
    }
    byte[] body = readBody(ex);
    if (body == null) return Optional.empty();
    try {
      JsonNode n = JSON.readTree(body);
      if (n instanceof ObjectNode o) return Optional.of(o);
      sendJson(ex, 400, AdminDocuments.error("invalid_argument", "request body: " + (n == null || n.isMissingNode() ? "empty" : n.getNodeType().name().toLowerCase(Locale.ROOT)) + " (expected: a JSON object)"));
    } catch (JacksonException e) {
      var at = e.getLocation();
      sendJson(ex, 400, AdminDocuments.error("invalid_argument", "request body: malformed JSON"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.empty();
  }

  private static void sendProblems(HttpServerExchange ex, ConfigException e) {
    ObjectNode err = AdminDocuments.error("invalid_argument", e.getMessage());
    ArrayNode problems = err.putArray("problems");
    for (ConfigProblem p : e.problems()) problems.add(p.toString());
    sendJson(ex, 400, err);
  }

  private static void sendRejected(HttpServerExchange ex, RouteRejectedException e) {
    ObjectNode err = AdminDocuments.error("failed_precondition", e.getMessage());
    err.set("rejections", AdminDocuments.rejections(e.rejections()));
    sendJson(ex, 409, err);
  }

  /**
   * Answers on this (worker) thread: the exchange ends when the handler returns, so the answer must
   * be written before that, never handed to another thread.
   */
  private static void sendJson(HttpServerExchange ex, int status, JsonNode body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ex.setStatusCode(status);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, JsonResponses.CONTENT_TYPE);
    ex.getResponseSender().send(ByteBuffer.wrap(bytes));
  }
}
