package dev.polyglot.gateway.route;

import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.CompatProblem;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.ServiceDef;
import java.util.List;

/**
 * Decides whether callers of one service can be served by another, before any method is bound: the
 * idl module's compatibility check plugs in here. Not consulted for pass-through routes.
 */
@FunctionalInterface
public interface CompatibilityCheck {
  /** Every reason the two services cannot be bridged, each with its path; empty when they can. */
  List<String> check(Schema schema, ServiceDef caller, ServiceDef backend);

  /** Accepts every pair; method pairing and the translator factory still reject what they cannot bind. */
  CompatibilityCheck NONE = (schema, caller, backend) -> List.of();

  /**
   * The mapping rules of DESIGN.md, as the idl module checks them ({@link Compatibility}): every error
   * of its report as {@code path: message}. Warnings (values that may fail single calls) do not reject.
   */
  static CompatibilityCheck idlRules() {
    return (schema, caller, backend) -> {
      List<String> out = new java.util.ArrayList<>();
      for (CompatProblem p : Compatibility.check(schema, caller, backend).errors()) out.add(p.path() + ": " + p.message());
      return out;
    };
  }
}
