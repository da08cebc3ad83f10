package dev.polyglot.conformance.record;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.polyglot.conformance.runner.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes recorded calls as a case file that {@code conformance run} and {@code conformance compare}
 * read back: each call becomes a case named {@code <method> #<n>} in group {@code recorded}, whose
 * {@code expect} is the result, or whose {@code expect_error} is the failure: a declared exception
 * with its code, type, message and fields; an undeclared failure by its message alone.
 */
public final class CaseFileWriter {
  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private CaseFileWriter() {}

  /** The YAML text of a case file of {@code service} holding {@code calls} in order. */
  public static String toYaml(String service, List<RecordedCall> calls) {
    ObjectNode root = YAML.createObjectNode();
    root.put("service", service);
    ArrayNode cases = root.putArray("cases");
    Map<String, Integer> counts = new HashMap<>();
    for (RecordedCall call : calls) {
      int n = counts.merge(call.method(), 1, Integer::sum);
      ObjectNode c = cases.addObject();
      c.put("name", call.method() + " #" + n);
      c.put("group", "recorded");
      c.put("description", "recorded call " + n + " of " + call.method());
      c.put("method", call.method());
      c.set("request", call.request());
      if (call.outcome() instanceof Outcome.Success s) {
        if (!s.result().isNull()) c.set("expect", s.result());
      } else {
        Outcome.Failure f = (Outcome.Failure) call.outcome();
        ObjectNode e = c.putObject("expect_error");
        // An undeclared failure's code depends on the protocol that carries it (a Thrift caller only
        // sees a TApplicationException type), so only a declared exception's code is kept.
        if (f.type().isPresent()) e.put("code", f.code());
        f.type().ifPresent(t -> e.put("type", f.simpleType()));
        e.put("message", f.message());
        f.fields().ifPresent(x -> e.set("fields", x));
      }
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  public static void write(Path file, String service, List<RecordedCall> calls) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, toYaml(service, calls), StandardCharsets.UTF_8);
  }
}
