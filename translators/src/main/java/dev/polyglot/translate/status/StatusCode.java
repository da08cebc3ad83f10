package dev.polyglot.translate.status;

/**
 * The 17 gRPC status codes, the one vocabulary of failure across every protocol we speak. Numbers
 * are the gRPC wire values; {@link #jsonName()} is the lower-case spelling used in HTTP error bodies.
 */
public enum StatusCode {
  OK(0),
  CANCELLED(1),
  UNKNOWN(2),
  INVALID_ARGUMENT(3),
  DEADLINE_EXCEEDED(4),
  NOT_FOUND(5),
  ALREADY_EXISTS(6),
  PERMISSION_DENIED(7),
  RESOURCE_EXHAUSTED(8),
  FAILED_PRECONDITION(9),
  ABORTED(10),
  OUT_OF_RANGE(11),
  UNIMPLEMENTED(12),
  INTERNAL(13),
  UNAVAILABLE(14),
  DATA_LOSS(15),
  UNAUTHENTICATED(16);

  private static final StatusCode[] BY_NUMBER = values();
  private final int number;

  StatusCode(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** {@code not_found}: the spelling in HTTP error bodies. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The code for a gRPC wire number; unknown numbers are {@link #UNKNOWN}, as gRPC specifies. */
  public static StatusCode forNumber(int number) {
    return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNKNOWN;
  }

  /** Parses {@code NOT_FOUND} or {@code not_found}; null if it names no code. */
  public static StatusCode parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
