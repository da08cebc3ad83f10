package dev.polyglot.idl.proto;

import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Wire's error text into {@link Problem}s. Wire joins all link errors of a load into one
 * {@code SchemaException} message: each error is a headline at column 0 followed by indented context
 * lines that carry {@code (file:line:col)}, innermost first. Syntax errors come alone as
 * {@code Syntax error in file:line:col: detail}.
 */
final class WireProblems {
  private WireProblems() {}

  private static final Pattern LOCATION = Pattern.compile("\\(([^()]+):(\\d+):(\\d+)\\)");
  private static final Pattern SYNTAX = Pattern.compile("(?s)Syntax error in (.+?):(\\d+):(\\d+): (.*)");
  private static final Pattern NUMBERED = Pattern.compile("\\d+\\. (\\S+) \\(.*");
  private static final Pattern FOR_FILE = Pattern.compile("for file (.+)");

  static Problem fromSyntaxError(String message) {
    Matcher m = SYNTAX.matcher(message == null ? "" : message.strip());
    if (!m.matches()) return Problem.of(SourceLocation.UNKNOWN, "syntax error: " + firstLine(message));
    return Problem.of(
        SourceLocation.of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
        "syntax error: " + firstLine(m.group(4)));
  }

  static List<Problem> fromSchemaException(String message) {
    List<Problem> out = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !block.isEmpty()) {
        out.add(fromBlock(block));
        block.clear();
      }
      if (!line.isBlank()) block.add(line);
    }
    if (!block.isEmpty()) out.add(fromBlock(block));
    return out;
  }

  private static Problem fromBlock(List<String> block) {
    String headline = stripColon(block.get(0).strip());
    List<String> context = new ArrayList<>();
    List<String> numbered = new ArrayList<>();
    SourceLocation where = null;
    SourceLocation lastNumbered = null;
    String forFile = null;
    List<String> searched = new ArrayList<>();
    boolean inSearchList = false;
    for (String raw : block.subList(1, block.size())) {
      String line = raw.strip();
      Matcher loc = LOCATION.matcher(line);
      SourceLocation l = loc.find() ? SourceLocation.of(loc.group(1), Integer.parseInt(loc.group(2)), Integer.parseInt(loc.group(3))) : null;
      Matcher num = NUMBERED.matcher(line);
      Matcher file = FOR_FILE.matcher(line);
      if (num.matches()) {
        numbered.add(num.group(1));
        lastNumbered = l;
      } else if (line.startsWith("searching ")) {
        inSearchList = true;
      } else if (file.matches()) {
        inSearchList = false;
        forFile = file.group(1);
      } else if (inSearchList) {
        searched.add(line);
      } else {
        if (where == null) where = l;
        context.add(LOCATION.matcher(line).replaceAll("").strip());
      }
    }
    if (headline.startsWith("unable to find ") && forFile != null) {
      String missing = headline.substring("unable to find ".length());
      return Problem.of(importLocation(forFile, missing), "import \"" + missing + "\" not found (searched: " + describe(searched) + ")");
    }
    if (!numbered.isEmpty()) {
      // "multiple fields share tag 2": point at the later declaration, the one to change.
      String sentence = headline + " (" + String.join(", ", numbered) + ")";
      if (!context.isEmpty()) sentence += " " + String.join(" ", context);
      return Problem.of(lastNumbered != null ? lastNumbered : orUnknown(where), sentence);
    }
    if (headline.startsWith("unable to resolve ")) {
      headline = "unknown type " + headline.substring("unable to resolve ".length());
    }
    String sentence = context.isEmpty() ? headline : headline + " " + String.join(" ", context);
    return Problem.of(orUnknown(where), sentence);
  }

  private static String describe(List<String> searched) {
    List<String> user = new ArrayList<>();
    for (String s : searched) {
      if (s.endsWith(".jar") || s.endsWith(".zip")) continue; // our built-in roots; not the user's business
      user.add(s);
    }
    user.add("built-in google/protobuf, google/api, google/rpc");
    return String.join(", ", user);
  }

  /** Where {@code import "missing"} is written in {@code file}, or line 1 when it cannot be read. */
  private static SourceLocation importLocation(String file, String missing) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int quote = line.indexOf("\"" + missing + "\"");
        if (quote >= 0 && line.contains("import")) return SourceLocation.of(file, i + 1, line.indexOf("import") + 1);
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the file was readable a moment ago; report the file itself
    }
    return SourceLocation.of(file, 1, 1);
  }

  private static SourceLocation orUnknown(SourceLocation l) {
    return l != null ? l : SourceLocation.UNKNOWN;
  }

  private static String stripColon(String s) {
    return s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
  }

  static String firstLine(String s) {
    if (s == null) return "unknown error";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
