package dev.polyglot.conformance.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call ended with, in the caller's view: a result value or a failure. A void method's
 * success is {@link Success} with a JSON {@code null} result (Thrift view) or the empty message
 * ({@code {}}, proto view).
 */
public sealed interface Outcome {

  /** JSON for reports: the result itself, or the failure as an object with code, type, message and fields. */
  JsonNode toJson();

  record Success(JsonNode result) implements Outcome {
    public Success {
      Objects.requireNonNull(result, "result");
    }

    @Override
    public JsonNode toJson() {
      return result;
    }
  }

  /**
   * @param code the status code's JSON spelling ({@code not_found})
   * @param type the declared exception's qualified name, when the failure is one
   * @param message the status message
   * @param fields the declared exception as JSON of the caller's view
   */
  record Failure(String code, Optional<String> type, String message, Optional<JsonNode> fields) implements Outcome {
    public Failure {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(fields, "fields");
    }

    /** {@code ItemNotFound} for {@code interop.ItemNotFound}; empty when no exception was declared. */
    public String simpleType() {
      return type.map(t -> t.substring(t.lastIndexOf('.') + 1)).orElse("");
    }

    @Override
    public JsonNode toJson() {
      var o = Json.MAPPER.createObjectNode();
      o.put("code", code);
      type.ifPresent(t -> o.put("type", simpleType()));
      o.put("message", message);
      fields.ifPresent(f -> o.set("fields", f));
      return o;
    }
  }
}
