package dev.polyglot.bench.load;

/**
 * One caller protocol reaching one backend protocol through the gateway. The direct leg of a scenario
 * is the same client calling a backend of the caller's own protocol (for HTTP: {@link HttpEchoBackend}).
 */
enum Scenario {
  GRPC_TO_GRPC("gRPC→gRPC", Caller.GRPC, GatewayNode.Mode.PASS, false, "≥ 0.55×; ≤ 50 µs p50 @1"),
  THRIFT_TO_GRPC("Thrift→gRPC", Caller.THRIFT, GatewayNode.Mode.CROSS, true, "≥ 0.45×; ≤ 70 µs p50 @1"),
  GRPC_TO_THRIFT("gRPC→Thrift", Caller.GRPC, GatewayNode.Mode.CROSS, true, "≥ 0.45×; ≤ 70 µs p50 @1"),
  HTTP_TO_GRPC("HTTP→gRPC", Caller.HTTP_PROTO_VIEW, GatewayNode.Mode.PASS, true, "≥ 0.45×; ≤ 70 µs p50 @1"),
  HTTP_TO_THRIFT("HTTP→Thrift", Caller.HTTP_THRIFT_VIEW, GatewayNode.Mode.PASS, true, "≥ 0.40×"),
  THRIFT_TO_THRIFT("Thrift→Thrift", Caller.THRIFT, GatewayNode.Mode.PASS, false, "≥ 0.40×"),
  CACHE_HIT("cache hit (gRPC)", Caller.GRPC, GatewayNode.Mode.CACHE, false, "≥ 1.2×");

  /** The client a scenario uses on both legs. */
  enum Caller { GRPC, THRIFT, HTTP_PROTO_VIEW, HTTP_THRIFT_VIEW }

  private final String label;
  private final Caller caller;
  private final GatewayNode.Mode mode;
  private final boolean translates;
  private final String target;

  Scenario(String label, Caller caller, GatewayNode.Mode mode, boolean translates, String target) {
    this.label = label;
    this.caller = caller;
    this.mode = mode;
    this.translates = translates;
    this.target = target;
  }

  String label() {
    return label;
  }

  Caller caller() {
    return caller;
  }

  GatewayNode.Mode mode() {
    return mode;
  }

  /** True when the gateway must translate (JSON, or between the Thrift and proto services). */
  boolean translates() {
    return translates;
  }

  /** Issue 6's target for this scenario, as quoted in the report. */
  String target() {
    return target;
  }

  LoadTarget direct(Backends backends, Payload payload) {
    return switch (caller) {
      case GRPC -> new GrpcTarget("127.0.0.1", backends.grpcPort(), payload);
      case THRIFT -> new ThriftTarget("127.0.0.1", backends.thriftPort(), payload);
      case HTTP_PROTO_VIEW -> new HttpTarget("127.0.0.1", backends.httpPort(), payload, true);
      case HTTP_THRIFT_VIEW -> new HttpTarget("127.0.0.1", backends.httpPort(), payload, false);
    };
  }

  /**
   * A client of the scenario's backend protocol calling that backend directly, for scenarios whose
   * caller and backend protocols differ (null otherwise): its latency at 1 in flight shows how much of
   * the latency "added" by the gateway leg is the other backend protocol's own.
   */
  LoadTarget backendDirect(Backends backends, Payload payload) {
    return switch (this) {
      case THRIFT_TO_GRPC, HTTP_TO_GRPC -> new GrpcTarget("127.0.0.1", backends.grpcPort(), payload);
      case GRPC_TO_THRIFT, HTTP_TO_THRIFT -> new ThriftTarget("127.0.0.1", backends.thriftPort(), payload);
      case GRPC_TO_GRPC, THRIFT_TO_THRIFT, CACHE_HIT -> null;
    };
  }

  LoadTarget throughGateway(GatewayNodeProcess gateway, Payload payload) {
    return switch (caller) {
      case GRPC -> new GrpcTarget("127.0.0.1", gateway.grpcPort, payload);
      case THRIFT -> new ThriftTarget("127.0.0.1", gateway.thriftPort, payload);
      case HTTP_PROTO_VIEW -> new HttpTarget("127.0.0.1", gateway.httpPort, payload, true);
      case HTTP_THRIFT_VIEW -> new HttpTarget("127.0.0.1", gateway.httpPort, payload, false);
    };
  }

  /** The ports of the backends running in the harness's JVM. */
  record Backends(int grpcPort, int thriftPort, int httpPort) {}
}
