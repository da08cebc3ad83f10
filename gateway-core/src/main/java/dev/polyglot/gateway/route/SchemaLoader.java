package dev.polyglot.gateway.route;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.Schema;
import java.util.Map;

/** Loads IDL text held in memory (the route table's IDL map) into one schema. */
@FunctionalInterface
public interface SchemaLoader {
  /**
   * @param sources file name (relative, {@code /}-separated, e.g. {@code acme/v1/warehouse.proto}) →
   *     text; includes and imports resolve among these names
   * @throws IdlException with every problem, located by those names
   */
  Schema load(Map<String, String> sources) throws IdlException;

  /** {@link IdlTextLoader}: the idl module's loaders over a private temporary folder. */
  static SchemaLoader idlLoader() {
    return new IdlTextLoader();
  }
}
