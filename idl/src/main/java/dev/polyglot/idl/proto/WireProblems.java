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
  private static final Pattern SYNTAX = Pattern.compile("Syntax error in (.+?):(\\d+):(\\d+): (.*)");
  private static final Pattern LEADING = Pattern.compile("([^\\s():]+):(\\d+):(\\d+): (.*)");
  private static final Pattern MAP_KEY = Pattern.compile("map key must be [^:]*: (\\S+)");
  private static final Pattern NUMBERED = Pattern.compile("\\d+\\. (\\S+) \\(.*");
  private static final Pattern FOR_FILE = Pattern.compile("for file (.+)");

  /**
   * A load that Wire aborted with a single error: a syntax error ({@code Syntax error in f:l:c: x}),
   * a located error ({@code f:l:c: x}, {@code A (f:l:c) is already defined at f:l:c}), or one without
   * a position, which is then looked for in {@code roots} where we know the construct.
   */
  static Problem fromAbortedLoad(String message, List<String> roots) {
    String text = clean(firstLine(message));
    Matcher syntax = SYNTAX.matcher(text);
    if (syntax.matches()) return Problem.of(location(syntax), "syntax error: " + syntax.group(4));
    Matcher leading = LEADING.matcher(text);
    if (leading.matches()) return Problem.of(location(leading), reword(leading.group(4)));
    Matcher inner = LOCATION.matcher(text);
    if (inner.find()) {
      return Problem.of(location(inner), (text.substring(0, inner.start()).strip() + " " + text.substring(inner.end()).strip()).strip());
    }
    Matcher mapKey = MAP_KEY.matcher(text);
    if (mapKey.matches()) {
      String type = mapKey.group(1);
      String sentence = "map key type " + type + " is not allowed (expected: an integer type, bool or string)";
      Pattern use = Pattern.compile("map\\s*<\\s*" + Pattern.quote(type) + "\\s*,");
      for (String root : roots) {
        SourceLocation at = find(root, use);
        if (at != null) return Problem.of(at, sentence);
      }
      return Problem.of(SourceLocation.of(roots.get(0), 1, 1), sentence);
    }
    return Problem.of(SourceLocation.of(roots.get(0), 1, 1), "cannot load: " + text);
  }

  private static SourceLocation location(Matcher m) {
    return SourceLocation.of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** Wire prints files under a {@code .} root as {@code ./x.proto}; users wrote {@code x.proto}. */
  private static String clean(String text) {
    String s = text.startsWith("./") ? text.substring(2) : text;
    return s.replace("(./", "(").replace(" ./", " ");
  }

  private static SourceLocation find(String file, Pattern pattern) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = pattern.matcher(lines.get(i));
        if (m.find()) return SourceLocation.of(file, i + 1, m.start() + 1);
      }
    } catch (IOException | RuntimeException e) {
      // unreadable now: the caller falls back to the file itself
    }
    return null;
  }

  static List<Problem> fromSchemaException(String message) {
    List<Problem> out = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : clean(message).split("\n")) {
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
      return Problem.of(lastNumbered != null ? lastNumbered : orUnknown(where), reword(sentence));
    }
    if (headline.startsWith("unable to resolve option ")) {
      headline = "unknown option " + headline.substring("unable to resolve option ".length());
    } else if (headline.startsWith("unable to resolve ")) {
      headline = "unknown type " + headline.substring("unable to resolve ".length());
    }
    String sentence = context.isEmpty() ? headline : headline + " " + String.join(" ", context);
    return Problem.of(orUnknown(where), reword(sentence));
  }

  /** Wire's wording for proto concepts, in the terms of the protobuf language guide. */
  private static String reword(String sentence) {
    for (String[] r : REWORDINGS) sentence = sentence.replaceFirst(r[0], r[1]);
    return sentence;
  }

  private static final String[][] REWORDINGS = {
    {"^multiple fields share tag (\\d+)", "field number $1 is used more than once"},
    {"^multiple enum constants share tag (-?\\d+)(.*)$", "enum value number $1 is used more than once$2 (expected: distinct numbers, or option allow_alias = true)"},
    {"^multiple fields share name (\\S+) \\([^)]*\\)", "field name $1 is used more than once"},
    {"^tag is out of range: (-?\\d+)", "field number $1 is out of range (expected: 1-536870911 outside 19000-19999)"},
    {"^tag (\\d+) is reserved", "field number $1 is reserved"},
    {"^mutable rpcs share name (\\S+) \\([^)]*\\)", "rpc name $1 is used more than once"},
    {"^Ambiguous constant names \\([^)]*\\) ", "enum value names are used more than once: "},
    {"^multiple fields share same JSON name '([^']*)'", "JSON name $1 is used by more than one field"},
    {"^'group' is not supported$", "groups are not supported (expected: a field of a nested message type)"},
  };

  private static String describe(List<String> searched) {
    List<String> user = new ArrayList<>();
    for (String s : searched) {
      // Our built-in entries (a jar or class folder per file) are summarized below.
      int google = s.indexOf("google/");
      if (s.endsWith(".jar") || s.contains(".jar/") || (google >= 0 && BuiltinProtos.isBuiltin(s.substring(google)))) continue;
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
