package dev.polyglot.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polyglot.conformance.runner.Outcome;
import java.util.Objects;

/** One call seen by the recorder, in the caller's view: the service and method it addressed, the request, the outcome. */
public record RecordedCall(String service, String method, JsonNode request, Outcome outcome) {
  public RecordedCall {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
  }
}
