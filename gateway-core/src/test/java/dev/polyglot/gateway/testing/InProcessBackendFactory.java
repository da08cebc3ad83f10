package dev.polyglot.gateway.testing;

import dev.polyglot.gateway.call.Backend;
import dev.polyglot.gateway.call.BackendFactory;
import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.config.BackendConfig;
import dev.polyglot.gateway.config.BackendProtocol;
import dev.polyglot.translate.WireFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** Creates {@link InProcessBackend}s for one protocol, all answering with one handler; remembers them. */
public final class InProcessBackendFactory implements BackendFactory {
  private final BackendProtocol protocol;
  private final WireFormat format;
  private final BiFunction<String, byte[], Reply> handler;
  private final List<InProcessBackend> created = new CopyOnWriteArrayList<>();

  public InProcessBackendFactory(BackendProtocol protocol, WireFormat format, BiFunction<String, byte[], Reply> handler) {
    this.protocol = protocol;
    this.format = format;
    this.handler = handler;
  }

  @Override
  public BackendProtocol protocol() {
    return protocol;
  }

  @Override
  public Backend create(BackendConfig config) {
    InProcessBackend b = new InProcessBackend(config, format, handler);
    created.add(b);
    return b;
  }

  public List<InProcessBackend> created() {
    return created;
  }

  /** The latest client created for the backend named {@code name}. */
  public InProcessBackend latest(String name) {
    for (int i = created.size() - 1; i >= 0; i--) if (created.get(i).config().name().equals(name)) return created.get(i);
    throw new AssertionError("no backend named " + name + " was created");
  }
}
