package dev.polyglot.adapters.http.testing;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.translate.WireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link RecordingBackend} per backend name, speaking {@code format}; a re-created backend keeps its recorder. */
public final class RecordingBackendFactory implements BackendFactory {
  private final BackendProtocol protocol;
  private final WireFormat format;
  private final Map<String, RecordingBackend> byName = new ConcurrentHashMap<>();

  public RecordingBackendFactory(BackendProtocol protocol, WireFormat format) {
    this.protocol = protocol;
    this.format = format;
  }

  @Override
  public BackendProtocol protocol() {
    return protocol;
  }

  @Override
  public Backend create(BackendConfig config) {
    return backend(config.name());
  }

  public RecordingBackend backend(String name) {
    return byName.computeIfAbsent(name, n -> new RecordingBackend(format));
  }
}
