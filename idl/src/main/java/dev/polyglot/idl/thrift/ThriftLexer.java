package dev.polyglot.idl.thrift;

import dev.polyglot.idl.Problem;
import dev.polyglot.idl.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Thrift IDL text into tokens. Identifiers may contain dots ({@code shared.Item},
 * {@code Status.ACTIVE}) as in the Apache lexer; keywords are returned as identifiers and recognized
 * by the parser. Lexical problems are recorded and lexing continues, so one bad character does not
 * hide later problems.
 */
final class ThriftLexer {
  /** {@code INVALID} stands in for a malformed literal that was already reported, so parsing can go on. */
  enum Kind { IDENT, INT, DOUBLE, STRING, SYMBOL, INVALID, EOF }

  /** One token; {@code text} is the identifier, the unescaped string, the symbol, or the number as written. */
  record Token(Kind kind, String text, long intValue, double doubleValue, int line, int col) {
    boolean is(String symbolOrWord) {
      return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
    }

    /** How the token is quoted in messages. */
    String describe() {
      return switch (kind) {
        case EOF -> "end of file";
        case STRING -> "string \"" + text + "\"";
        default -> "'" + text + "'";
      };
    }
  }

  private final String file;
  private final String src;
  private final List<Problem> problems;
  private int pos;
  private int line = 1;
  private int lineStart;

  private ThriftLexer(String file, String src, List<Problem> problems) {
    this.file = file;
    this.src = src;
    this.problems = problems;
  }

  static List<Token> tokenize(String file, String src, List<Problem> problems) {
    return new ThriftLexer(file, src, problems).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>(src.length() / 4);
    while (true) {
      skipSpaceAndComments();
      int tokLine = line;
      int tokCol = pos - lineStart + 1;
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", 0, 0, tokLine, tokCol));
        return out;
      }
      char c = src.charAt(pos);
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < src.length()) {
          char d = src.charAt(pos);
          if (Character.isLetterOrDigit(d) || d == '_' || d == '.') pos++;
          else break;
        }
        out.add(new Token(Kind.IDENT, src.substring(start, pos), 0, 0, tokLine, tokCol));
      } else if (Character.isDigit(c)
          || ((c == '-' || c == '+') && pos + 1 < src.length() && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '.'))
          || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
        Token t = number(tokLine, tokCol);
        if (t != null) out.add(t);
      } else if (c == '"' || c == '\'') {
        Token t = string(c, tokLine, tokCol);
        if (t != null) out.add(t);
      } else if ("{}[]()<>,;:=*".indexOf(c) >= 0) {
        pos++;
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), 0, 0, tokLine, tokCol));
      } else {
        pos++;
        problem(tokLine, tokCol, "unexpected character '" + c + "' (expected: a name, a literal, or one of { } [ ] ( ) < > , ; : = *)");
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
      } else if (c == '#' || (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/')) {
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
      } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        pos += 2;
        boolean closed = false;
        while (pos < src.length()) {
          char d = src.charAt(pos);
          if (d == '*' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
            pos += 2;
            closed = true;
            break;
          }
          pos++;
          if (d == '\n') {
            line++;
            lineStart = pos;
          }
        }
        if (!closed) problem(startLine, startCol, "unterminated comment (expected: */ before the end of the file)");
      } else {
        return;
      }
    }
  }

  private Token number(int tokLine, int tokCol) {
    int start = pos;
    if (src.charAt(pos) == '-' || src.charAt(pos) == '+') pos++;
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      pos += 2;
      int digits = pos;
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) pos++;
      String text = src.substring(start, pos);
      if (digits == pos) {
        problem(tokLine, tokCol, "hex literal '" + text + "' has no digits (expected: 0x followed by hex digits)");
        return invalid(text, tokLine, tokCol);
      }
      try {
        boolean negative = src.charAt(start) == '-';
        long v = Long.parseUnsignedLong(src.substring(digits, pos), 16);
        if (Long.compareUnsigned(v, Long.MAX_VALUE) > 0 && !(negative && v == Long.MIN_VALUE)) throw new NumberFormatException();
        return new Token(Kind.INT, text, negative ? -v : v, 0, tokLine, tokCol);
      } catch (NumberFormatException e) {
        problem(tokLine, tokCol, "integer literal " + text + " is out of range (expected: a 64-bit signed integer)");
        return invalid(text, tokLine, tokCol);
      }
    }
    boolean isDouble = false;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    if (pos < src.length() && src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
      isDouble = true;
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        isDouble = true;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
      } else {
        pos = save;
      }
    }
    String text = src.substring(start, pos);
    if (isDouble) return new Token(Kind.DOUBLE, text, 0, Double.parseDouble(text), tokLine, tokCol);
    try {
      return new Token(Kind.INT, text, Long.parseLong(text.startsWith("+") ? text.substring(1) : text), 0, tokLine, tokCol);
    } catch (NumberFormatException e) {
      problem(tokLine, tokCol, "integer literal " + text + " is out of range (expected: a 64-bit signed integer)");
      return invalid(text, tokLine, tokCol);
    }
  }

  private Token string(char quote, int tokLine, int tokCol) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        problem(tokLine, tokCol, "unterminated string literal (expected: a closing " + quote + " on the same line)");
        return invalid(sb.toString(), tokLine, tokCol);
      }
      char c = src.charAt(pos++);
      if (c == quote) return new Token(Kind.STRING, sb.toString(), 0, 0, tokLine, tokCol);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) continue;
      int escCol = pos - lineStart;
      char e = src.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case '0' -> sb.append('\0');
        case '\\', '"', '\'', '/' -> sb.append(e);
        case 'u' -> {
          int end = Math.min(pos + 4, src.length());
          String hex = src.substring(pos, end);
          if (hex.length() == 4 && hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
            sb.append((char) Integer.parseInt(hex, 16));
            pos = end;
          } else {
            problem(line, escCol, "bad unicode escape (expected: \\u followed by 4 hex digits)");
          }
        }
        default -> problem(line, escCol, "unknown escape '\\" + e + "' in string (expected: one of \\n \\t \\r \\b \\f \\0 \\\\ \\\" \\' \\uXXXX)");
      }
    }
  }

  private static Token invalid(String text, int tokLine, int tokCol) {
    return new Token(Kind.INVALID, text, 0, 0, tokLine, tokCol);
  }

  private void problem(int l, int c, String message) {
    problems.add(Problem.of(SourceLocation.of(file, l, c), message));
  }
}
