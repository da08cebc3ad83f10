package dev.polyglot.gateway.config;

/** How the gateway talks to a backend. Each value is served by one adapter's backend client. */
public enum BackendProtocol {
  GRPC("grpc"),
  THRIFT("thrift");

  private final String configName;

  BackendProtocol(String configName) {
    this.configName = configName;
  }

  /** The spelling in {@code gateway.yaml}. */
  public String configName() {
    return configName;
  }
}
