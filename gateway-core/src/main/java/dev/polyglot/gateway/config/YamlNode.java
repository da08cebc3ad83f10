package dev.polyglot.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers where every key and value was written, which
 * Jackson's own tree model forgets. Only the loader uses it; nothing of it leaves the package.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  int line();

  int column();

  /** How the node reads in a message: a scalar's text, else its kind. */
  String describe();

  /**
   * @param text the scalar as written (without quotes)
   * @param kind the token Jackson's YAML parser gave it: a string, a number, a boolean or null
   */
  record Scalar(String text, JsonToken kind, int line, int column) implements YamlNode {
    boolean isNull() {
      return kind == JsonToken.VALUE_NULL;
    }

    @Override
    public String describe() {
      return text.isEmpty() ? "\"\"" : text;
    }
  }

  /** A key with where it was written; values are found in {@link Mapping#values()}. */
  record Key(String name, int line, int column) {}

  record Mapping(Map<String, Key> keys, Map<String, YamlNode> values, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A YAML syntax error or a repeated key, with its position. */
  final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** Parses the first document; null for an empty one. */
  static YamlNode parse(String text) throws SyntaxError {
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken t;
      try {
        t = p.nextToken();
        if (t == null) return null;
        return read(p, t);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl > 0) msg = msg.substring(0, nl);
        throw new SyntaxError("YAML syntax: " + msg.strip(), loc == null ? 1 : Math.max(1, loc.getLineNr()), loc == null ? 1 : Math.max(1, loc.getColumnNr()));
      }
    } catch (IOException e) {
      throw new SyntaxError("YAML syntax: " + e.getMessage(), 1, 1);
    }
  }

  private static YamlNode read(JsonParser p, JsonToken t) throws IOException, SyntaxError {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Key> keys = new LinkedHashMap<>();
        Map<String, YamlNode> values = new LinkedHashMap<>();
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
          JsonLocation kl = p.currentTokenLocation();
          String name = p.currentName();
          Key key = new Key(name, kl.getLineNr(), kl.getColumnNr());
          if (keys.containsKey(name)) {
            Key first = keys.get(name);
            throw new SyntaxError("duplicate key " + name + " (first at line " + first.line() + ")", key.line(), key.column());
          }
          YamlNode value = read(p, p.nextToken());
          keys.put(name, key);
          values.put(name, value);
        }
        return new Mapping(keys, values, line, col);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) items.add(read(p, t));
        return new Sequence(items, line, col);
      }
      case VALUE_NULL -> {
        return new Scalar("", t, line, col);
      }
      default -> {
        return new Scalar(p.getText(), t, line, col);
      }
    }
  }
}
