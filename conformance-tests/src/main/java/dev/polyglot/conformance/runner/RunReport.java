package dev.polyglot.conformance.runner;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The results of one run, and its JUnit XML form (the shape CI servers read). */
public record RunReport(String target, String source, List<CaseResult> results) {
  public RunReport {
    results = List.copyOf(results);
  }

  public long passed() {
    return results.stream().filter(CaseResult::passed).count();
  }

  public long failed() {
    return results.size() - passed();
  }

  public boolean allPassed() {
    return failed() == 0;
  }

  /** {@code 41 passed, 0 failed}. */
  public String summary() {
    return passed() + " passed, " + failed() + " failed";
  }

  /** Writes one {@code <testsuite>} with a {@code <testcase>} per case (classname: group). */
  public void writeJUnitXml(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      long totalMillis = results.stream().mapToLong(CaseResult::millis).sum();
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      w.write("<testsuite name=\"" + attr("conformance " + source + " against " + target) + "\" tests=\"" + results.size()
          + "\" failures=\"" + failed() + "\" errors=\"0\" skipped=\"0\" time=\"" + seconds(totalMillis) + "\">\n");
      for (CaseResult r : results) {
        w.write("  <testcase classname=\"" + attr(r.testCase().group()) + "\" name=\"" + attr(r.testCase().name()) + "\" time=\""
            + seconds(r.millis()) + "\"");
        if (r.passed()) {
          w.write("/>\n");
          continue;
        }
        w.write(">\n    <failure message=\"" + attr(r.failure().get()) + "\">" + text(String.join("\n", r.details())) + "</failure>\n  </testcase>\n");
      }
      w.write("</testsuite>\n");
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
  }

  /** XML 1.0 cannot carry most control characters even escaped; they become U+FFFD. */
  private static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> sb.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }
}
