package dev.polyglot.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One conformance case: a call in the caller's view (the case file's service) and what must come
 * back. Exactly one of {@code expect} and {@code expectError} may be present; when neither is, the
 * call only has to succeed (the result is not compared), which is how void and oneway methods read.
 *
 * @param name unique within its file
 * @param group what the case exercises ({@code base types}, {@code structs}, ...)
 * @param description one line for people reading a report
 * @param method the method's name in the case file's service
 * @param request the request as JSON of the caller's view (Thrift: the arguments by name)
 * @param expect the full result as JSON of the caller's view (Thrift: the result value itself)
 * @param expectError the failure the call must end with
 * @param ignore field paths whose values may legitimately differ ({@code dims.width_cm},
 *     {@code tags[*]})
 * @param maxMillis when present, the call must complete within this many milliseconds
 * @param line where the case starts in its file (1-based), for messages about it
 */
public record ConformanceCase(
    String name,
    String group,
    String description,
    String method,
    JsonNode request,
    Optional<JsonNode> expect,
    Optional<ExpectedError> expectError,
    List<String> ignore,
    OptionalLong maxMillis,
    int line) {

  public ConformanceCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(expectError, "expectError");
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(maxMillis, "maxMillis");
    if (expect.isPresent() && expectError.isPresent()) {
      throw new IllegalArgumentException(name + ": expect and expect_error are both set (expected: one of them)");
    }
  }

  /** {@code group/name}, what {@code --only} patterns and reports use. */
  public String qualifiedName() {
    return group + "/" + name;
  }
}
