package dev.polyglot.adapters.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyglot.gateway.cache.CacheStats;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.gateway.config.Durations;
import dev.polyglot.gateway.config.Endpoint;
import dev.polyglot.gateway.config.RouteConfig;
import dev.polyglot.gateway.route.RouteRejection;
import dev.polyglot.idl.compat.CompatProblem;
import dev.polyglot.idl.compat.CompatibilityReport;
import java.util.List;
import java.util.Locale;

/**
 * The admin API's JSON documents. Routes and backends are written with the keys of
 * {@code gateway.yaml}, so a document read from {@code GET} can be sent back with {@code PUT}.
 */
final class AdminDocuments {
  static final ObjectMapper JSON = new ObjectMapper();

  private AdminDocuments() {}

  static ObjectNode route(RouteConfig r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("service", r.service());
    o.put("backend", r.backend());
    o.put("backend_service", r.backendService());
    r.timeout().ifPresent(t -> o.put("timeout", Durations.format(t)));
    if (!r.cache().methods().isEmpty()) {
      ObjectNode c = o.putObject("cache");
      ArrayNode methods = c.putArray("methods");
      r.cache().methods().forEach(methods::add);
      c.put("ttl", Durations.format(r.cache().ttl()));
    }
    return o;
  }

  static ObjectNode backend(BackendConfig b) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", b.name());
    o.put("protocol", b.protocol().configName());
    ArrayNode eps = o.putArray("endpoints");
    for (Endpoint e : b.endpoints()) eps.add(e.toString());
    if (b.protocol() == BackendProtocol.THRIFT) {
      o.put("transport", b.transport().name().toLowerCase(Locale.ROOT));
      o.put("encoding", b.encoding().name().toLowerCase(Locale.ROOT));
      b.multiplexedService().ifPresent(m -> o.put("multiplexed", m));
      o.put("pool_size", b.poolSize());
      o.put("max_connections", b.maxConnections());
    }
    o.put("connect_timeout", Durations.format(b.connectTimeout()));
    o.put("timeout", Durations.format(b.timeout()));
    return o;
  }

  static ObjectNode cache(CacheStats s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("hits", s.hits());
    o.put("misses", s.misses());
    o.put("evictions", s.evictions());
    o.put("entries", s.entries());
    o.put("bytes", s.bytes());
    o.put("max_bytes", s.maxBytes());
    return o;
  }

  static ObjectNode compat(CompatibilityReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("caller", r.caller().qualifiedName());
    o.put("backend", r.backend().qualifiedName());
    o.put("bridgeable", r.bridgeable());
    ArrayNode errors = o.putArray("errors");
    ArrayNode warnings = o.putArray("warnings");
    for (CompatProblem p : r.problems()) {
      ObjectNode n = (p.isError() ? errors : warnings).addObject();
      n.put("path", p.path());
      n.put("message", p.message());
    }
    o.put("report", r.render());
    return o;
  }

  /** {@code {"code", "message", "details": []}}, the error shape of the data path, plus extra fields. */
  static ObjectNode error(String code, String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("code", code);
    o.put("message", message);
    o.putArray("details");
    return o;
  }

  static ArrayNode rejections(List<RouteRejection> rejections) {
    ArrayNode out = JSON.createArrayNode();
    for (RouteRejection r : rejections) {
      ObjectNode n = out.addObject();
      n.put("route", r.route());
      ArrayNode problems = n.putArray("problems");
      r.problems().forEach(problems::add);
    }
    return out;
  }
}
