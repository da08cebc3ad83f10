package dev.polyglot.conformance.cases;

import java.util.List;
import java.util.Objects;

/**
 * A case file: the service whose view every case is written in, and the cases in file order.
 *
 * @param source where the file came from (a path or a classpath resource), for messages
 */
public record CaseFile(String source, String service, List<ConformanceCase> cases) {
  public CaseFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(service, "service");
    cases = List.copyOf(cases);
  }
}
