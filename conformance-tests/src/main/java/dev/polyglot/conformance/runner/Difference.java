package dev.polyglot.conformance.runner;

/**
 * One place where two JSON values of the caller's view differ.
 *
 * @param path the field path ({@code item.dims.width_cm}, {@code tags[2]}); empty for the whole value
 * @param expected the expected value's JSON text, or {@code (absent)}
 * @param actual the received value's JSON text, or {@code (absent)}
 */
public record Difference(String path, String expected, String actual) {
  public static final String ABSENT = "(absent)";

  /** {@code at item.dims.width_cm: expected 10, received 11}. */
  public String describe(String expectedWord, String actualWord) {
    return "at " + (path.isEmpty() ? "the result" : path) + ": " + expectedWord + " " + expected + ", " + actualWord + " " + actual;
  }

  @Override
  public String toString() {
    return describe("expected", "received");
  }
}
