package dev.polyglot.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The failure a case expects, in the caller's view. Only the parts given are compared, so a case can
 * ask for "some ItemNotFound" or for every field of it.
 *
 * @param code the status code's JSON spelling ({@code not_found})
 * @param type the declared exception's name, simple ({@code ItemNotFound}) or qualified
 * @param message the status message (for a declared exception: its message field)
 * @param fields the exception as JSON of the caller's view
 */
public record ExpectedError(Optional<String> code, Optional<String> type, Optional<String> message, Optional<JsonNode> fields) {
  public ExpectedError {
    code = code.map(c -> c.toLowerCase(java.util.Locale.ROOT));
  }
}
