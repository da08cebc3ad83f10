package dev.polyglot.gateway.route;

import java.util.List;

/** A method pair cannot be bridged; {@link #reasons()} says why, each with its field path. */
public final class BridgeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> reasons;

  public BridgeException(List<String> reasons) {
    super(String.join("; ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
