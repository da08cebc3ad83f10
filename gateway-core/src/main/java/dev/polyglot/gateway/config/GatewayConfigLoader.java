package dev.polyglot.gateway.config;

import com.fasterxml.jackson.core.JsonToken;
import dev.polyglot.gateway.config.YamlNode.Mapping;
import dev.polyglot.gateway.config.YamlNode.Scalar;
import dev.polyglot.gateway.config.YamlNode.Sequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code gateway.yaml} (the shape is in DESIGN.md, every key in {@code docs/CONFIG.md}) into a
 * {@link GatewayConfig}. Every problem is collected — unknown keys, values out of range, wrong
 * types, references to undefined backends, missing IDL files — each with its file, line, column and
 * YAML path, and the load fails once with all of them.
 *
 * <p>Thread-safe: all methods are static and keep no state.
 */
public final class GatewayConfigLoader {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(B|KB|MB|GB|KiB|MiB|GiB)?");
  private static final String SIZE_EXPECTED = "a size like 16MiB, 512KiB or 1048576";

  private GatewayConfigLoader() {}

  /** Reads {@code file}; IDL paths are resolved against its folder. */
  public static GatewayConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(file.toString(), 1, 1, "", "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.getFileName().toString(), dir);
  }

  /**
   * Parses configuration text.
   *
   * @param sourceName the file name used in messages
   * @param baseDirectory IDL paths are resolved against it
   */
  public static GatewayConfig parse(String yaml, String sourceName, Path baseDirectory) throws ConfigException {
    Reader r = new Reader(sourceName);
    YamlNode root = r.parse(yaml);
    GatewayConfig.Builder b = GatewayConfig.builder().baseDirectory(baseDirectory);
    Mapping m = root == null ? null : r.mapping(root, "", "idl", "listeners", "backends", "routes", "cache", "admin", "cluster", "shutdown");
    if (m == null) {
      r.failIfAny();
      return b.build();
    }
    readIdl(r, m, baseDirectory, sourceName).forEach(b::idl);
    AdminConfig admin = readAdmin(r, m.values().get("admin"));
    b.listeners(readListeners(r, m.values().get("listeners"), admin));
    Map<String, BackendConfig> backends = readBackends(r, m.values().get("backends"));
    backends.values().stream().filter(java.util.Objects::nonNull).forEach(b::backend);
    readRoutes(r, m.values().get("routes"), backends).forEach(b::route);
    b.cache(readCache(r, m.values().get("cache")));
    b.admin(admin);
    b.cluster(readCluster(r, m.values().get("cluster")));
    b.shutdownGracePeriod(readShutdown(r, m.values().get("shutdown")));
    r.failIfAny();
    return r.build(b::build);
  }

  /**
   * Parses one route written like an entry of {@code routes:} (YAML or JSON), for the admin API.
   * The backend reference is not checked here: the route table does that against its backends.
   */
  public static RouteConfig parseRoute(String text, String sourceName) throws ConfigException {
    Reader r = new Reader(sourceName);
    YamlNode root = r.parse(text);
    if (root == null) r.problem(1, 1, "", "empty (expected: a route with keys service, backend, backend_service, timeout, cache)");
    RouteConfig route = root == null ? null : readRoute(r, root, "", null);
    r.failIfAny();
    return route;
  }

  /** Parses one backend written like a value under {@code backends:} (YAML or JSON), for the admin API. */
  public static BackendConfig parseBackend(String name, String text, String sourceName) throws ConfigException {
    Reader r = new Reader(sourceName);
    YamlNode root = r.parse(text);
    if (root == null) r.problem(1, 1, "", "empty (expected: a backend with keys protocol, endpoints, ...)");
    BackendConfig backend = root == null ? null : readBackend(r, name, root, "");
    r.failIfAny();
    return backend;
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Path> readIdl(Reader r, Mapping m, Path baseDirectory, String sourceName) {
    List<Path> out = new ArrayList<>();
    Sequence seq = r.sequence(m.values().get("idl"), "idl");
    if (seq == null) return out;
    for (int i = 0; i < seq.items().size(); i++) {
      String path = "idl[" + i + "]";
      String text = r.string(seq.items().get(i), path, "a file or folder name");
      if (text == null) continue;
      Path p = baseDirectory.resolve(text).normalize();
      if (!Files.exists(p)) {
        r.problem(seq.items().get(i), path, text + " (expected: an existing file or folder, relative to " + sourceName + ")");
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static ListenersConfig readListeners(Reader r, YamlNode node, AdminConfig admin) {
    if (node == null) return ListenersConfig.DEFAULT;
    Mapping m = r.mapping(node, "listeners", "http", "thrift", "grpc");
    if (m == null) return ListenersConfig.DEFAULT;
    // Ports in use so far, to name a clash with the key that took the port first.
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(admin.port(), "admin.port");

    Optional<HttpListenerConfig> http = Optional.empty();
    if (m.values().containsKey("http")) {
      Mapping s = r.optionalMapping(m.values().get("http"), "listeners.http", "host", "port", "max_body_size");
      String host = r.string(s, "listeners.http", "host", ListenersConfig.DEFAULT_HOST);
      int port = r.port(s, m.values().get("http"), "listeners.http", HttpListenerConfig.DEFAULT_PORT, ports);
      long max = r.size(s, "listeners.http", "max_body_size", HttpListenerConfig.DEFAULT_MAX_BODY_BYTES);
      http = Optional.of(new HttpListenerConfig(host, port, max));
    }
    Optional<ThriftListenerConfig> thrift = Optional.empty();
    if (m.values().containsKey("thrift")) {
      Mapping s = r.optionalMapping(m.values().get("thrift"), "listeners.thrift", "host", "port", "service", "max_frame_size", "max_message_size",
          "max_connections", "idle_timeout");
      String host = r.string(s, "listeners.thrift", "host", ListenersConfig.DEFAULT_HOST);
      int port = r.port(s, m.values().get("thrift"), "listeners.thrift", ThriftListenerConfig.DEFAULT_PORT, ports);
      String service = r.string(s, "listeners.thrift", "service", null);
      long frame = r.size(s, "listeners.thrift", "max_frame_size", ThriftListenerConfig.DEFAULT_MAX_FRAME_BYTES);
      long message = r.size(s, "listeners.thrift", "max_message_size", ThriftListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
      int maxConnections = r.atLeast(s, "listeners.thrift", "max_connections", ThriftListenerConfig.DEFAULT_MAX_CONNECTIONS, 1);
      Duration idle = r.duration(s, "listeners.thrift", "idle_timeout", ThriftListenerConfig.DEFAULT_IDLE_TIMEOUT);
      thrift = Optional.of(new ThriftListenerConfig(host, port, Optional.ofNullable(service), frame, message, maxConnections, idle));
    }
    Optional<GrpcListenerConfig> grpc = Optional.empty();
    if (m.values().containsKey("grpc")) {
      Mapping s = r.optionalMapping(m.values().get("grpc"), "listeners.grpc", "host", "port", "max_message_size");
      String host = r.string(s, "listeners.grpc", "host", ListenersConfig.DEFAULT_HOST);
      int port = r.port(s, m.values().get("grpc"), "listeners.grpc", GrpcListenerConfig.DEFAULT_PORT, ports);
      long max = r.size(s, "listeners.grpc", "max_message_size", GrpcListenerConfig.DEFAULT_MAX_MESSAGE_BYTES);
      grpc = Optional.of(new GrpcListenerConfig(host, port, max));
    }
    return new ListenersConfig(http, thrift, grpc);
  }

  private static Map<String, BackendConfig> readBackends(Reader r, YamlNode node) {
    Map<String, BackendConfig> out = new LinkedHashMap<>();
    Mapping m = r.optionalMapping(node, "backends");
    if (m == null) return out;
    for (Map.Entry<String, YamlNode> e : m.values().entrySet()) {
      BackendConfig b = readBackend(r, e.getKey(), e.getValue(), "backends." + e.getKey());
      // Keep the name even when the backend has errors, so routes naming it report nothing extra.
      out.put(e.getKey(), b);
    }
    return out;
  }

  private static BackendConfig readBackend(Reader r, String name, YamlNode node, String path) {
    Mapping s = r.mapping(node, path, "protocol", "endpoints", "transport", "encoding", "multiplexed", "connect_timeout", "timeout", "pool_size", "max_connections");
    if (s == null) return null;
    int before = r.problemCount();
    BackendProtocol protocol = r.enumValue(s, path, "protocol", null, BackendProtocol.class, "grpc or thrift");
    if (protocol == null && !s.values().containsKey("protocol")) r.missing(s, path, "protocol", "grpc or thrift");
    List<Endpoint> endpoints = new ArrayList<>();
    YamlNode epNode = s.values().get("endpoints");
    if (epNode == null || (epNode instanceof Scalar sc && sc.isNull())) {
      r.missing(s, path, "endpoints", "a list of host:port");
    } else {
      Sequence seq = r.sequence(epNode, r.join(path, "endpoints"));
      if (seq != null && seq.items().isEmpty()) r.problem(seq, r.join(path, "endpoints"), "[] (expected: at least one host:port)");
      if (seq != null) {
        for (int i = 0; i < seq.items().size(); i++) {
          Endpoint ep = r.endpoint(seq.items().get(i), r.join(path, "endpoints") + "[" + i + "]");
          if (ep != null) endpoints.add(ep);
        }
      }
    }
    if (protocol == BackendProtocol.GRPC) {
      for (String thriftOnly : List.of("transport", "encoding", "multiplexed", "pool_size", "max_connections")) {
        if (s.values().containsKey(thriftOnly)) {
          r.problem(s.keys().get(thriftOnly), r.join(path, thriftOnly), "set on a grpc backend (expected: only on thrift backends)");
        }
      }
    }
    ThriftTransport transport = r.enumValue(s, path, "transport", BackendConfig.DEFAULT_TRANSPORT, ThriftTransport.class, "framed or buffered");
    ThriftEncoding encoding = r.enumValue(s, path, "encoding", BackendConfig.DEFAULT_ENCODING, ThriftEncoding.class, "binary or compact");
    String multiplexed = r.string(s, path, "multiplexed", null);
    Duration connect = r.duration(s, path, "connect_timeout", BackendConfig.DEFAULT_CONNECT_TIMEOUT);
    Duration timeout = r.duration(s, path, "timeout", BackendConfig.DEFAULT_TIMEOUT);
    int pool = r.integer(s, path, "pool_size", BackendConfig.DEFAULT_POOL_SIZE, 1, 1024);
    int maxConnections = r.integer(s, path, "max_connections", Math.max(BackendConfig.DEFAULT_MAX_CONNECTIONS, pool), 1,
        BackendConfig.MAX_MAX_CONNECTIONS);
    if (protocol == null || endpoints.isEmpty() || r.problemCount() != before) return null;
    return r.build(s, path, () -> new BackendConfig(name, protocol, endpoints, transport == null ? BackendConfig.DEFAULT_TRANSPORT : transport,
        encoding == null ? BackendConfig.DEFAULT_ENCODING : encoding,
        protocol == BackendProtocol.GRPC ? Optional.empty() : Optional.ofNullable(multiplexed), connect, timeout, pool, maxConnections));
  }

  private static List<RouteConfig> readRoutes(Reader r, YamlNode node, Map<String, BackendConfig> backends) {
    List<RouteConfig> out = new ArrayList<>();
    Sequence seq = r.sequence(node, "routes");
    if (seq == null) return out;
    Map<String, String> routedBy = new LinkedHashMap<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String path = "routes[" + i + "]";
      YamlNode item = seq.items().get(i);
      RouteConfig route = readRoute(r, item, path, backends);
      if (item instanceof Mapping m && m.values().get("service") instanceof Scalar svc && !svc.isNull()) {
        String first = routedBy.putIfAbsent(svc.text(), path);
        if (first != null) r.problem(svc, path + ".service", svc.text() + " is already routed by " + first);
      }
      if (route != null) out.add(route);
    }
    return out;
  }

  /** @param backends the defined backends to check the reference against, or null not to check */
  private static RouteConfig readRoute(Reader r, YamlNode node, String path, Map<String, BackendConfig> backends) {
    Mapping s = r.mapping(node, path, "service", "backend", "backend_service", "timeout", "cache");
    if (s == null) return null;
    int before = r.problemCount();
    String service = r.string(s, path, "service", null);
    if (service == null && !s.values().containsKey("service")) r.missing(s, path, "service", "the IDL service callers speak");
    String backend = r.string(s, path, "backend", null);
    if (backend == null && !s.values().containsKey("backend")) r.missing(s, path, "backend", "the name of a backend");
    if (backend != null && backends != null && !backends.containsKey(backend)) {
      r.problem(s.values().get("backend"), r.join(path, "backend"), backend + " (expected one of: " + (backends.isEmpty() ? "no backends are defined" : String.join(", ", backends.keySet())) + ")");
    }
    String backendService = r.string(s, path, "backend_service", service);
    Duration timeout = r.duration(s, path, "timeout", null);
    RouteCacheConfig cache = RouteCacheConfig.NONE;
    if (s.values().containsKey("cache")) {
      String cpath = r.join(path, "cache");
      Mapping c = r.mapping(s.values().get("cache"), cpath, "methods", "ttl");
      if (c != null) {
        List<String> methods = new ArrayList<>();
        YamlNode mn = c.values().get("methods");
        if (mn == null || (mn instanceof Scalar sc && sc.isNull())) {
          r.missing(c, cpath, "methods", "a list of method names");
        } else {
          Sequence ms = r.sequence(mn, cpath + ".methods");
          if (ms != null) {
            for (int i = 0; i < ms.items().size(); i++) {
              String name = r.string(ms.items().get(i), cpath + ".methods[" + i + "]", "a method name");
              if (name != null) methods.add(name);
            }
          }
        }
        Duration ttl = r.duration(c, cpath, "ttl", RouteCacheConfig.DEFAULT_TTL);
        if (ttl != null) cache = new RouteCacheConfig(methods, ttl);
      }
    }
    if (r.problemCount() != before || service == null || backend == null) return null;
    RouteCacheConfig finalCache = cache;
    return r.build(s, path, () -> new RouteConfig(service, backend, backendService, Optional.ofNullable(timeout), finalCache));
  }

  private static CacheConfig readCache(Reader r, YamlNode node) {
    Mapping m = r.optionalMapping(node, "cache", "max_size");
    long max = r.size(m, "cache", "max_size", CacheConfig.DEFAULT_MAX_BYTES);
    return new CacheConfig(max);
  }

  private static AdminConfig readAdmin(Reader r, YamlNode node) {
    Mapping m = r.optionalMapping(node, "admin", "host", "port");
    String host = r.string(m, "admin", "host", AdminConfig.DEFAULT_HOST);
    int port = r.port(m, node, "admin", AdminConfig.DEFAULT_PORT, null);
    return new AdminConfig(host, port);
  }

  private static ClusterConfig readCluster(Reader r, YamlNode node) {
    Mapping m = r.optionalMapping(node, "cluster", "name", "host", "port", "members");
    String name = r.string(m, "cluster", "name", ClusterConfig.DEFAULT_NAME);
    String host = r.string(m, "cluster", "host", ClusterConfig.DEFAULT_HOST);
    int port = r.port(m, node, "cluster", ClusterConfig.DEFAULT_PORT, null);
    List<Endpoint> members = new ArrayList<>();
    Sequence seq = m == null ? null : r.sequence(m.values().get("members"), "cluster.members");
    if (seq != null) {
      for (int i = 0; i < seq.items().size(); i++) {
        Endpoint ep = r.endpoint(seq.items().get(i), "cluster.members[" + i + "]");
        if (ep != null) members.add(ep);
      }
    }
    if (name == null || name.isEmpty()) name = ClusterConfig.DEFAULT_NAME;
    return new ClusterConfig(name, host, port, members);
  }

  private static Duration readShutdown(Reader r, YamlNode node) {
    Mapping m = r.optionalMapping(node, "shutdown", "grace_period");
    Duration d = r.duration(m, "shutdown", "grace_period", GatewayConfig.DEFAULT_SHUTDOWN_GRACE_PERIOD);
    return d == null ? GatewayConfig.DEFAULT_SHUTDOWN_GRACE_PERIOD : d;
  }

  // ---------------------------------------------------------------------------------------------

  /** Reads typed values out of the tree, collecting problems instead of throwing. */
  private static final class Reader {
    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Reader(String source) {
      this.source = source;
    }

    YamlNode parse(String text) throws ConfigException {
      try {
        return YamlNode.parse(text);
      } catch (YamlNode.SyntaxError e) {
        throw new ConfigException(List.of(new ConfigProblem(source, e.line, e.column, "", e.getMessage())));
      }
    }

    void problem(int line, int column, String path, String message) {
      problems.add(new ConfigProblem(source, line, column, path, message));
    }

    void problem(YamlNode at, String path, String message) {
      problem(at.line(), at.column(), path, message);
    }

    void problem(YamlNode.Key at, String path, String message) {
      problem(at.line(), at.column(), path, message);
    }

    void missing(Mapping m, String path, String key, String expected) {
      problem(m, path, "missing key " + key + " (expected: " + expected + ")");
    }

    int problemCount() {
      return problems.size();
    }

    void failIfAny() throws ConfigException {
      if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    /** Runs a record constructor; a check it makes that the loader did not is reported at {@code at}. */
    <T> T build(YamlNode at, String path, java.util.function.Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        problem(at, path, e.getMessage());
        return null;
      }
    }

    GatewayConfig build(java.util.function.Supplier<GatewayConfig> constructor) throws ConfigException {
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(List.of(new ConfigProblem(source, 1, 1, "", e.getMessage())));
      }
    }

    String join(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    /** A required mapping; checks its keys. Null (after reporting) when the node is something else. */
    Mapping mapping(YamlNode node, String path, String... allowed) {
      if (node instanceof Mapping m) {
        for (Map.Entry<String, YamlNode.Key> k : m.keys().entrySet()) {
          if (!List.of(allowed).contains(k.getKey())) {
            problem(k.getValue(), join(path, k.getKey()), "unknown key (expected one of: " + String.join(", ", allowed) + ")");
          }
        }
        return m;
      }
      problem(node, path.isEmpty() ? "(top level)" : path, node.describe() + " (expected: a mapping with keys " + String.join(", ", allowed) + ")");
      return null;
    }

    /** Like {@link #mapping} but absent or empty ({@code key:}) means "all defaults" (null). */
    Mapping optionalMapping(YamlNode node, String path, String... allowed) {
      if (node == null || (node instanceof Scalar s && s.isNull())) return null;
      if (allowed.length == 0 && node instanceof Mapping m) return m;
      if (allowed.length == 0) {
        problem(node, path, node.describe() + " (expected: a mapping)");
        return null;
      }
      return mapping(node, path, allowed);
    }

    Sequence sequence(YamlNode node, String path) {
      if (node == null || (node instanceof Scalar s && s.isNull())) return null;
      if (node instanceof Sequence seq) return seq;
      problem(node, path, node.describe() + " (expected: a list)");
      return null;
    }

    String string(YamlNode node, String path, String expected) {
      if (node instanceof Scalar s && !s.isNull() && !s.text().isEmpty()) return s.text();
      problem(node, path, node.describe() + " (expected: " + expected + ")");
      return null;
    }

    String string(Mapping m, String path, String key, String dflt) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      return string(n, join(path, key), expectedText(key));
    }

    private static String expectedText(String key) {
      return switch (key) {
        case "host" -> "a host name or address";
        case "service", "backend_service", "multiplexed" -> "a service name";
        case "backend" -> "the name of a backend";
        default -> "a name";
      };
    }

    /** The value under key; null if absent or written empty. */
    YamlNode value(Mapping m, String key) {
      if (m == null) return null;
      YamlNode n = m.values().get(key);
      if (n instanceof Scalar s && s.isNull()) return null;
      return n;
    }

    /** @param section where the section is written, for a problem with a default port; null when none is checked */
    int port(Mapping m, YamlNode section, String path, int dflt, Map<Integer, String> taken) {
      YamlNode n = value(m, "port");
      String keyPath = join(path, "port");
      int port = dflt;
      if (n != null) {
        int p = intValue(n);
        if (p < 1 || p > 65535) {
          problem(n, keyPath, n.describe() + " (expected: 1-65535)");
          return dflt;
        }
        port = p;
      }
      if (taken != null) {
        String other = taken.putIfAbsent(port, keyPath);
        if (other != null) {
          // A default port clashing: point at the section that took the default.
          YamlNode at = n != null ? n : m != null ? m : section;
          problem(at, keyPath, port + " (expected: a port not already used by " + other + ")");
        }
      }
      return port;
    }

    int integer(Mapping m, String path, String key, int dflt, int min, int max) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      int v = intValue(n);
      if (v < min || v > max) {
        problem(n, join(path, key), n.describe() + " (expected: " + min + "-" + max + ")");
        return dflt;
      }
      return v;
    }

    /** A count with a lower bound only; a value that is not a whole number is reported the same way. */
    int atLeast(Mapping m, String path, String key, int dflt, int min) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      int v = intValue(n);
      if (v < min) {
        problem(n, join(path, key), n.describe() + " (expected: at least " + min + ")");
        return dflt;
      }
      return v;
    }

    /** The int of an integer scalar, or Integer.MIN_VALUE. */
    private static int intValue(YamlNode n) {
      if (n instanceof Scalar s && s.kind() == JsonToken.VALUE_NUMBER_INT) {
        try {
          return Integer.parseInt(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
          return Integer.MIN_VALUE;
        }
      }
      return Integer.MIN_VALUE;
    }

    Duration duration(Mapping m, String path, String key, Duration dflt) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      Duration d = n instanceof Scalar s ? Durations.parse(s.text()) : null;
      if (d == null) {
        problem(n, join(path, key), n.describe() + " (expected: " + Durations.EXPECTED + ")");
        return dflt;
      }
      return d;
    }

    long size(Mapping m, String path, String key, long dflt) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      long v = -1;
      if (n instanceof Scalar s) {
        Matcher mm = SIZE.matcher(s.text().trim());
        if (mm.matches()) {
          long unit = switch (mm.group(2) == null ? "B" : mm.group(2)) {
            case "KB" -> 1000L;
            case "MB" -> 1000_000L;
            case "GB" -> 1000_000_000L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> 1L;
          };
          long count = Long.parseLong(mm.group(1));
          if (count > 0 && count <= Long.MAX_VALUE / unit) v = count * unit;
        }
      }
      if (v < 1) {
        problem(n, join(path, key), n.describe() + " (expected: " + SIZE_EXPECTED + ")");
        return dflt;
      }
      return v;
    }

    <E extends Enum<E>> E enumValue(Mapping m, String path, String key, E dflt, Class<E> type, String expected) {
      YamlNode n = value(m, key);
      if (n == null) return dflt;
      if (n instanceof Scalar s) {
        String text = s.text().trim();
        for (E e : type.getEnumConstants()) {
          if (e.name().toLowerCase(Locale.ROOT).equals(text)) return e;
        }
      }
      problem(n, join(path, key), n.describe() + " (expected: " + expected + ")");
      return dflt;
    }

    Endpoint endpoint(YamlNode n, String path) {
      if (n instanceof Scalar s && !s.isNull()) {
        try {
          return Endpoint.parse(s.text().trim());
        } catch (IllegalArgumentException e) {
          problem(n, path, e.getMessage());
          return null;
        }
      }
      problem(n, path, n.describe() + " (expected: host:port with port 1-65535)");
      return null;
    }
  }
}
