package dev.polyglot.idl.compat;

/**
 * One reason a pair of services cannot be bridged (an {@link Severity#ERROR}), or a hazard that is
 * bridged but may fail some calls at run time (a {@link Severity#WARNING}).
 *
 * @param path where, in the caller's names: {@code getItem}, {@code getItem.request.item.dims.width_cm},
 *     {@code listItems.response[]}, {@code stock.request.counts{key}}, {@code getItem.throws.notFound}
 * @param message a sentence saying what is wrong and what was expected
 */
public record CompatProblem(Severity severity, String path, String message) {
  /** How bad a problem is. */
  public enum Severity {
    /** The pair cannot be bridged: {@link CompatibilityReport#bridgeable()} is false. */
    ERROR,
    /** Bridged; some values cannot cross and fail that call with INVALID_ARGUMENT. */
    WARNING
  }

  public static CompatProblem error(String path, String message) {
    return new CompatProblem(Severity.ERROR, path, message);
  }

  public static CompatProblem warning(String path, String message) {
    return new CompatProblem(Severity.WARNING, path, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code error: getItem.request.sku: type mismatch: ...}. */
  @Override
  public String toString() {
    return (isError() ? "error: " : "warning: ") + path + ": " + message;
  }
}
