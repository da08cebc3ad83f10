package dev.polyglot.translate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.ValueSink;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON text in either dialect → events, with Jackson's streaming {@link JsonParser}; no tree is
 * built (an {@code Any} is the one exception: its members are buffered as JSON text because
 * {@code "@type"} may come last).
 *
 * <p>Input rules: object members may come in any order; {@code null} means "absent" (except where
 * the type is {@code google.protobuf.Value}/{@code NullValue}); a field given twice, two members of
 * one oneof/union, and members the schema does not declare are errors (unknown members can be
 * skipped with {@link JsonOptions#ignoreUnknownFields()}). Thrift view accepts IDL names; proto view
 * accepts the JSON name and the declared name. Integers are accepted as numbers or strings, also
 * in exponent form when integral ({@code 1e3}); enums as names or numbers; bytes as standard or
 * URL-safe base64, with or without padding.
 *
 * <p>Limits: the input size, each string's UTF-8 length and each binary's decoded length, each
 * container's element count, and the nesting depth of the events produced (a struct, list, set or
 * map each adds one level, so a {@code google.protobuf.Value} tree counts deeper than its JSON) are
 * checked as they are met. Errors name the field path ({@code items[2].qty}, {@code tags{"a"}}).
 *
 * <p>Not thread-safe; reusable.
 */
public final class JsonReader implements ValueSource {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final JsonSchema schema;
  private final Limits limits;
  private final JsonOptions options;
  private final AnyTypes anyTypes;
  private final JsonFactory factory;
  private JsonParser p;
  private ValueSink out;
  private int depth;

  JsonReader(JsonSchema schema, Limits limits, JsonOptions options, AnyTypes anyTypes) {
    this.schema = schema;
    this.limits = limits;
    this.options = options;
    this.anyTypes = anyTypes;
    long stringChars = Math.min(Integer.MAX_VALUE, (long) limits.maxStringBytes() / 3 * 4 + 8);
    this.factory = JsonFactory.builder()
        // Jackson's faster double parsing (same results, fewer cycles on long decimal fractions).
        .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 2)
            .maxStringLength((int) Math.max(stringChars, 1024))
            .build())
        .build();
  }

  /** A reader of {@code dialect} with default limits and options and no Any support. */
  public static JsonReader create(JsonDialect dialect) {
    return JsonCodec.of(dialect).newJsonReader(Limits.DEFAULT);
  }

  @Override
  public int read(byte[] in, int offset, int length, StructPlan root, ValueSink sink) {
    return read(in, offset, length, root, sink, 0);
  }

  private int read(byte[] in, int offset, int length, StructPlan root, ValueSink sink, int startDepth) {
    if (length > limits.maxMessageBytes()) {
      throw TranscodeException.of("message of " + length + " bytes is too large (expected: at most " + limits.maxMessageBytes() + " bytes)");
    }
    JsonStruct s = schema.struct(root);
    try (JsonParser parser = factory.createParser(in, offset, length)) {
      p = parser;
      out = sink;
      depth = startDepth;
      JsonToken t = p.nextToken();
      if (t == null) throw malformed("no content (expected: " + s.expectation() + ")", p.currentLocation());
      readStruct(s);
      if (p.nextToken() != null) throw malformed("trailing data after the value (expected: end of input)", p.currentTokenLocation());
      return length;
    } catch (StreamReadException e) {
      throw malformed(cleanMessage(e.getOriginalMessage()), e.getLocation());
    } catch (IOException e) {
      throw TranscodeException.of("cannot read JSON: " + e.getMessage());
    } finally {
      p = null;
      out = null;
    }
  }

  // ---------------------------------------------------------------- structs

  private void readStruct(JsonStruct s) throws IOException {
    switch (s.wkt) {
      case NONE, EMPTY -> readObject(s);
      case TIMESTAMP -> {
        long[] v = WellKnownText.parseTimestamp(requireString(s));
        secondsAndNanos(s, v);
      }
      case DURATION -> {
        long[] v = WellKnownText.parseDuration(requireString(s));
        secondsAndNanos(s, v);
      }
      case WRAPPER -> {
        enter();
        out.startStruct();
        out.field(s.wktA);
        readValue(s.types[s.wktA]);
        out.endStruct();
        depth--;
      }
      case FIELD_MASK -> readFieldMask(s, requireString(s));
      case STRUCT -> readStructWkt(s);
      case VALUE -> readValueWkt(s);
      case LIST_VALUE -> readListValue(s);
      case ANY -> readAny(s);
    }
  }

  private void readObject(JsonStruct s) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) throw expected(s.expectation(), t);
    enter();
    out.startStruct();
    long seen = 0;
    boolean[] seenMore = null; // fields past the 64th
    int[] oneofField = null; // per oneof: the member already given, or -1
    for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      int i = s.plan.indexOfName(name);
      JsonToken v = p.nextToken();
      if (i < 0) {
        if (options.ignoreUnknownFields()) {
          p.skipChildren();
          continue;
        }
        throw TranscodeException.of("unknown field " + WellKnownText.quote(name) + " (expected: a field of " + s.qualifiedName() + ")");
      }
      JsonType type = s.types[i];
      if (v == JsonToken.VALUE_NULL && !acceptsNull(type)) continue;
      if (i < 64) {
        if ((seen & (1L << i)) != 0) throw duplicate(name);
        seen |= 1L << i;
      } else {
        if (seenMore == null) seenMore = new boolean[s.fieldCount];
        if (seenMore[i]) throw duplicate(name);
        seenMore[i] = true;
      }
      int o = s.oneof[i];
      if (o >= 0) {
        if (oneofField == null) {
          oneofField = new int[s.oneofNames.length];
          java.util.Arrays.fill(oneofField, -1);
        }
        if (oneofField[o] >= 0) {
          throw TranscodeException.of("fields " + s.names[oneofField[o]] + " and " + s.names[i] + " of " + s.oneofNames[o]
              + " are both set (expected: at most one)");
        }
        oneofField[o] = i;
      }
      out.field(i);
      try {
        readValue(type);
      } catch (TranscodeException e) {
        throw e.atField(name);
      }
    }
    if ((s.requiredMask & ~seen) != 0) throw s.plan.missingRequired(seen);
    out.endStruct();
    depth--;
  }

  private static TranscodeException duplicate(String name) {
    return TranscodeException.of("duplicate field (expected: each field at most once)").atField(name);
  }

  private static boolean acceptsNull(JsonType t) {
    return t.nullValue || (t.kind == TypeKind.STRUCT && t.struct.wkt == Wkt.VALUE);
  }

  private void enter() {
    if (++depth > limits.maxDepth()) {
      throw TranscodeException.of("nesting depth " + depth + " exceeds the limit (expected: at most " + limits.maxDepth() + " levels)");
    }
  }

  // ---------------------------------------------------------------- values

  private void readValue(JsonType t) throws IOException {
    JsonToken v = p.currentToken();
    switch (t.kind) {
      case BOOL -> {
        if (v == JsonToken.VALUE_TRUE) out.boolValue(true);
        else if (v == JsonToken.VALUE_FALSE) out.boolValue(false);
        else throw expected("a boolean", v);
      }
      case INTEGER -> out.longValue(readInteger(t, v));
      case FLOATING -> out.doubleValue(readDouble(t, v));
      case STRING -> {
        if (v != JsonToken.VALUE_STRING) throw expected("a string", v);
        out.stringValue(checkString(p.getText()));
      }
      case BINARY -> {
        if (v != JsonToken.VALUE_STRING) throw expected("a base64 string", v);
        byte[] bytes = base64(p.getText());
        out.binaryValue(bytes, 0, bytes.length);
      }
      case UUID -> {
        if (v != JsonToken.VALUE_STRING) throw expected("a UUID string", v);
        java.util.UUID u = uuid(p.getText());
        out.uuidValue(u.getMostSignificantBits(), u.getLeastSignificantBits());
      }
      case ENUM -> out.enumValue(readEnum(t, v));
      case STRUCT -> readStruct(t.struct);
      case LIST, SET -> readList(t);
      case MAP -> readMap(t);
    }
  }

  private long readInteger(JsonType t, JsonToken v) throws IOException {
    switch (v) {
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return fit(t, p.getBigIntegerValue(), p.getText());
        return fit(t, p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return integral(t, decimal(t, p.getText()), p.getText());
      case VALUE_STRING:
        return parseInteger(t, p.getText());
      default:
        throw expected("an integer", v);
    }
  }

  /** An integer written as a string (or a map key): digits, or an integral number in any JSON form. */
  private long parseInteger(JsonType t, String text) {
    // Fast path: the common "-123" / "123" spelling of int64 values, without the regex below.
    int n = text.length();
    int start = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (n - start > 0 && n - start <= 18 && (text.charAt(start) != '0' || n - start == 1)) {
      int i = start;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
      if (i == n) return fit(t, Long.parseLong(text));
    }
    if (!JSON_NUMBER.matcher(text).matches()) throw TranscodeException.of("expected an integer, got " + WellKnownText.quote(text));
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      if (text.length() <= 18) return fit(t, Long.parseLong(text));
      return fit(t, new BigInteger(text), text);
    }
    return integral(t, decimal(t, text), text);
  }

  /** A JSON number as a BigDecimal; an exponent beyond BigDecimal's range is simply out of range. */
  private static BigDecimal decimal(JsonType t, String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw outOfRange(t, text);
    }
  }

  private long integral(JsonType t, BigDecimal d, String text) {
    // Guard before converting: 1e999999999 is 12 characters but a billion digits.
    if (d.signum() != 0 && d.precision() - d.scale() > 21) throw outOfRange(t, text);
    try {
      return fit(t, d.toBigIntegerExact(), text);
    } catch (ArithmeticException e) {
      throw TranscodeException.of("expected an integer, got " + text);
    }
  }

  private long fit(JsonType t, BigInteger b, String text) {
    if (t.isUnsigned64()) {
      if (b.signum() >= 0 && b.bitLength() <= 64) return b.longValue();
    } else if (b.bitLength() <= 63) {
      return fit(t, b.longValue());
    }
    throw outOfRange(t, text);
  }

  private long fit(JsonType t, long value) {
    if (t.isUnsigned64()) {
      if (value < 0) throw outOfRange(t, Long.toString(value));
      return value;
    }
    if (t.narrow && (value < t.plan.min() || value > t.plan.max())) throw outOfRange(t, Long.toString(value));
    return value;
  }

  private static TranscodeException outOfRange(JsonType t, String text) {
    String display = t.plan.display();
    String min = t.isUnsigned64() ? "0" : Long.toString(t.plan.min());
    String max = t.isUnsigned64() ? "18446744073709551615" : Long.toString(t.plan.max());
    char c = display.charAt(0);
    // "an i32", "an int64", but "a uint64" (said "you-int").
    String article = c == 'a' || c == 'e' || c == 'i' || c == 'o' ? "an " : "a ";
    return TranscodeException.of(text + " is out of range (expected: " + article + display + " between " + min + " and " + max + ")");
  }

  private double readDouble(JsonType t, JsonToken v) throws IOException {
    double d;
    String text;
    switch (v) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        d = p.getDoubleValue();
        // The number's text is only needed to word an error: skip materializing it on the common path.
        if (!Double.isInfinite(d) && t.scalar != dev.polyglot.idl.Scalar.FLOAT) return d;
        text = p.getText();
      }
      case VALUE_STRING -> {
        text = p.getText();
        switch (text) {
          case "NaN":
            return Double.NaN;
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          default:
            if (!JSON_NUMBER.matcher(text).matches()) {
              throw TranscodeException.of("expected a number, got " + WellKnownText.quote(text));
            }
            d = Double.parseDouble(text);
        }
      }
      default -> throw expected("a number", v);
    }
    return checkFloating(t, d, text);
  }

  private static double checkFloating(JsonType t, double d, String text) {
    if (Double.isInfinite(d)) throw TranscodeException.of(text + " is out of range (expected: a finite " + t.plan.display() + ")");
    // As JsonFormat does: decimal spellings of Float.MAX_VALUE ("3.4028235e38") round to it.
    if (t.scalar == dev.polyglot.idl.Scalar.FLOAT && Math.abs(d) > Float.MAX_VALUE * (1.0 + 1e-6)) {
      throw TranscodeException.of(text + " is out of range (expected: a finite float)");
    }
    return d;
  }

  private int readEnum(JsonType t, JsonToken v) throws IOException {
    switch (v) {
      case VALUE_STRING:
        return enumByName(t, p.getText());
      case VALUE_NUMBER_INT:
        return enumByNumber(t, p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null, p.getText());
      default:
        if (v == JsonToken.VALUE_NULL && t.nullValue) return 0;
        throw expected(t.nullValue ? "null" : "an enum name or number", v);
    }
  }

  private int enumByName(JsonType t, String name) {
    Integer n = t.enumPlan.number(name);
    if (n != null) return n;
    throw TranscodeException.of(WellKnownText.quote(name) + " is not a value of enum " + t.enumPlan.qualifiedName()
        + " (expected: one of " + enumNames(t) + ")");
  }

  private int enumByNumber(JsonType t, Integer n, String text) {
    if (n == null) throw TranscodeException.of(text + " is out of range (expected: an enum number between -2147483648 and 2147483647)");
    t.enumPlan.checkKnown(n);
    return n;
  }

  private static String enumNames(JsonType t) {
    StringBuilder sb = new StringBuilder();
    for (dev.polyglot.idl.EnumValueDef v : t.enumPlan.def().values()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(v.name());
    }
    return sb.toString();
  }

  private String checkString(String s) {
    int n = s.length();
    if (n > limits.maxStringBytes() / 3 && utf8Length(s) > limits.maxStringBytes()) {
      throw TranscodeException.of("length " + utf8Length(s) + " exceeds the limit (expected: at most " + limits.maxStringBytes() + " bytes)");
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw TranscodeException.of(String.format("unpaired surrogate \\u%04x at character %d (expected: valid Unicode text)", (int) c, i));
        }
      }
    }
    return s;
  }

  private static long utf8Length(String s) {
    long len = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) len++;
      else if (c < 0x800) len += 2;
      else if (Character.isHighSurrogate(c)) {
        len += 4;
        i++;
      } else len += 3;
    }
    return len;
  }

  private byte[] base64(String text) {
    byte[] bytes;
    try {
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw TranscodeException.of("expected base64, got " + WellKnownText.quote(text));
    }
    if (bytes.length > limits.maxStringBytes()) {
      throw TranscodeException.of("length " + bytes.length + " exceeds the limit (expected: at most " + limits.maxStringBytes() + " bytes)");
    }
    return bytes;
  }

  private static java.util.UUID uuid(String text) {
    if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-' && text.charAt(18) == '-' && text.charAt(23) == '-') {
      try {
        long hi = Long.parseUnsignedLong(text.substring(0, 8) + text.substring(9, 13) + text.substring(14, 18), 16);
        long lo = Long.parseUnsignedLong(text.substring(19, 23) + text.substring(24), 16);
        return new java.util.UUID(hi, lo);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw TranscodeException.of("expected a UUID such as \"00112233-4455-6677-8899-aabbccddeeff\", got " + WellKnownText.quote(text));
  }

  // ---------------------------------------------------------------- containers

  private void readList(JsonType t) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.START_ARRAY) throw expected("an array", v);
    enter();
    boolean set = t.kind == TypeKind.SET;
    if (set) out.startSet(-1);
    else out.startList(-1);
    Set<String> distinct = set && isScalar(t.element) ? new HashSet<>() : null;
    int index = 0;
    for (v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), index++) {
      if (index == limits.maxContainerSize()) {
        throw TranscodeException.of((set ? "set" : "list") + " size " + (index + 1) + " exceeds the limit (expected: at most " + limits.maxContainerSize() + ")");
      }
      try {
        if (v == JsonToken.VALUE_NULL && !acceptsNull(t.element)) throw expected(t.element.expectation(), v);
        if (distinct != null && !distinct.add(v.name() + ':' + p.getText())) {
          throw TranscodeException.of("duplicate set element " + describe(v) + " (expected: distinct elements)");
        }
        readValue(t.element);
      } catch (TranscodeException e) {
        throw e.atIndex(index);
      }
    }
    if (set) out.endSet();
    else out.endList();
    depth--;
  }

  private static boolean isScalar(JsonType t) {
    return switch (t.kind) {
      case BOOL, INTEGER, FLOATING, STRING, BINARY, UUID, ENUM -> true;
      default -> false;
    };
  }

  private void readMap(JsonType t) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.START_OBJECT) throw expected("an object", v);
    enter();
    out.startMap(-1);
    Set<String> keys = null; // created at the second key: most maps are small, many have one entry
    String firstKey = null;
    int count = 0;
    for (v = p.nextToken(); v == JsonToken.FIELD_NAME; v = p.nextToken()) {
      String key = p.currentName();
      String keyJson = t.key.kind == TypeKind.STRING || t.key.kind == TypeKind.ENUM || t.key.kind == TypeKind.BINARY
          || t.key.kind == TypeKind.UUID ? TranscodeException.quote(key) : key;
      if (++count > limits.maxContainerSize()) {
        throw TranscodeException.of("map size " + count + " exceeds the limit (expected: at most " + limits.maxContainerSize() + ")");
      }
      try {
        if (count == 1) {
          firstKey = key;
        } else {
          if (keys == null) {
            keys = new HashSet<>();
            keys.add(firstKey);
          }
          if (!keys.add(key)) throw TranscodeException.of("duplicate map key (expected: distinct keys)");
        }
        readKey(t.key, key);
        v = p.nextToken();
        if (v == JsonToken.VALUE_NULL && !acceptsNull(t.element)) throw expected(t.element.expectation(), v);
        readValue(t.element);
      } catch (TranscodeException e) {
        throw e.atKey(keyJson);
      }
    }
    out.endMap();
    depth--;
  }

  private void readKey(JsonType k, String text) throws IOException {
    switch (k.kind) {
      case STRING -> out.stringValue(checkString(text));
      case INTEGER -> out.longValue(parseInteger(k, text));
      case BOOL -> {
        if (text.equals("true")) out.boolValue(true);
        else if (text.equals("false")) out.boolValue(false);
        else throw TranscodeException.of("expected a boolean key \"true\" or \"false\", got " + WellKnownText.quote(text));
      }
      case ENUM -> {
        boolean numeric = !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-');
        if (numeric) {
          long n = parseInteger(k, text);
          out.enumValue(enumByNumber(k, n == (int) n ? (int) n : null, text));
        } else {
          out.enumValue(enumByName(k, text));
        }
      }
      case FLOATING -> {
        double d = switch (text) {
          case "NaN" -> Double.NaN;
          case "Infinity" -> Double.POSITIVE_INFINITY;
          case "-Infinity" -> Double.NEGATIVE_INFINITY;
          default -> {
            if (!JSON_NUMBER.matcher(text).matches()) throw TranscodeException.of("expected a number, got " + WellKnownText.quote(text));
            yield checkFloating(k, Double.parseDouble(text), text);
          }
        };
        out.doubleValue(d);
      }
      case BINARY -> {
        byte[] b = base64(text);
        out.binaryValue(b, 0, b.length);
      }
      case UUID -> {
        java.util.UUID u = uuid(text);
        out.uuidValue(u.getMostSignificantBits(), u.getLeastSignificantBits());
      }
      case STRUCT, LIST, SET, MAP -> readJsonKey(k, text);
    }
  }

  /** A struct or container key (Thrift view): the key is the value's JSON text. */
  private void readJsonKey(JsonType k, String text) throws IOException {
    JsonParser outer = p;
    try (JsonParser keyParser = factory.createParser(text)) {
      p = keyParser;
      if (p.nextToken() == null) throw TranscodeException.of("expected " + k.expectation() + " as JSON text, got \"\"");
      readValue(k);
      if (p.nextToken() != null) throw TranscodeException.of("trailing data after the key's JSON value (expected: one value)");
    } catch (StreamReadException e) {
      throw TranscodeException.of("malformed JSON in map key at " + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": " + cleanMessage(e.getOriginalMessage()));
    } finally {
      p = outer;
    }
  }

  // ---------------------------------------------------------------- well-known types

  private String requireString(JsonStruct s) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.VALUE_STRING) throw expected(s.expectation(), v);
    return p.getText();
  }

  private void secondsAndNanos(JsonStruct s, long[] v) {
    enter();
    out.startStruct();
    if (v[0] != 0) {
      out.field(s.wktA);
      out.longValue(v[0]);
    }
    if (v[1] != 0) {
      out.field(s.wktB);
      out.longValue(v[1]);
    }
    out.endStruct();
    depth--;
  }

  private void readFieldMask(JsonStruct s, String text) {
    enter();
    out.startStruct();
    if (!text.isEmpty()) {
      String[] paths = text.split(",", -1);
      out.field(s.wktA);
      enter();
      out.startList(paths.length);
      for (String path : paths) out.stringValue(WellKnownText.snake(path.trim()));
      out.endList();
      depth--;
    }
    out.endStruct();
    depth--;
  }

  private void readStructWkt(JsonStruct s) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.START_OBJECT) throw expected("an object", v);
    enter();
    out.startStruct();
    out.field(s.wktA);
    readMap(s.types[s.wktA]);
    out.endStruct();
    depth--;
  }

  private void readValueWkt(JsonStruct s) throws IOException {
    JsonToken v = p.currentToken();
    enter();
    out.startStruct();
    switch (v) {
      case VALUE_NULL -> {
        out.field(s.valueKinds[1]);
        out.enumValue(0);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        out.field(s.valueKinds[2]);
        out.doubleValue(checkFloating(s.types[s.valueKinds[2]], p.getDoubleValue(), p.getText()));
      }
      case VALUE_STRING -> {
        out.field(s.valueKinds[3]);
        out.stringValue(checkString(p.getText()));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        out.field(s.valueKinds[4]);
        out.boolValue(v == JsonToken.VALUE_TRUE);
      }
      case START_OBJECT -> {
        out.field(s.valueKinds[5]);
        readStruct(s.types[s.valueKinds[5]].struct);
      }
      case START_ARRAY -> {
        out.field(s.valueKinds[6]);
        readStruct(s.types[s.valueKinds[6]].struct);
      }
      default -> throw expected("a JSON value", v);
    }
    out.endStruct();
    depth--;
  }

  private void readListValue(JsonStruct s) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.START_ARRAY) throw expected("an array", v);
    enter();
    out.startStruct();
    out.field(s.wktA);
    readList(s.types[s.wktA]);
    out.endStruct();
    depth--;
  }

  /**
   * {"@type": "type.googleapis.com/acme.v1.Item", ...fields} or, for a well-known type,
   * {"@type": ..., "value": <its JSON>}. The members are buffered because "@type" may come last;
   * the packed message is read by a nested reader into protobuf bytes.
   */
  private void readAny(JsonStruct s) throws IOException {
    JsonToken v = p.currentToken();
    if (v != JsonToken.START_OBJECT) throw expected("an object", v);
    enter();
    ByteSink whole = new ByteSink();
    try (JsonGenerator g = factory.createGenerator(whole)) {
      g.copyCurrentStructure(p);
    }
    String typeUrl = null;
    try (JsonParser scan = factory.createParser(whole.buf, 0, whole.count)) {
      scan.nextToken();
      for (JsonToken t = scan.nextToken(); t == JsonToken.FIELD_NAME; t = scan.nextToken()) {
        String name = scan.currentName();
        JsonToken value = scan.nextToken();
        if (name.equals("@type")) {
          if (value != JsonToken.VALUE_STRING) throw TranscodeException.of("expected a type URL string, got " + describeToken(scan, value)).atField("@type");
          typeUrl = scan.getText();
        }
        scan.skipChildren();
      }
    }
    out.startStruct();
    if (typeUrl == null) {
      if (whole.count > 2) throw TranscodeException.of("an Any has members but no \"@type\" (expected: \"@type\": \"type.googleapis.com/<message name>\")");
      out.endStruct();
      depth--;
      return;
    }
    String typeName = typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
    StructPlan packed = anyTypes == null || typeName.isEmpty() ? null : anyTypes.resolve(typeName);
    if (packed == null) {
      throw TranscodeException.of("cannot read an Any holding " + WellKnownText.quote(typeName)
          + " (expected: a message type loaded from the IDL files)").atField("@type");
    }
    JsonStruct inner = schema.struct(packed);
    ByteSink rest = new ByteSink();
    try (JsonParser scan = factory.createParser(whole.buf, 0, whole.count);
        JsonGenerator g = factory.createGenerator(rest)) {
      scan.nextToken();
      if (inner.wkt == Wkt.NONE) g.writeStartObject();
      boolean sawValue = false;
      for (JsonToken t = scan.nextToken(); t == JsonToken.FIELD_NAME; t = scan.nextToken()) {
        String name = scan.currentName();
        scan.nextToken();
        if (name.equals("@type")) continue;
        if (inner.wkt == Wkt.NONE) {
          g.writeFieldName(name);
          g.copyCurrentStructure(scan);
        } else if (name.equals("value")) {
          g.copyCurrentStructure(scan);
          sawValue = true;
        } else {
          throw TranscodeException.of("unknown field " + WellKnownText.quote(name) + " (expected: \"@type\" and \"value\" for a packed " + typeName + ")");
        }
      }
      if (inner.wkt == Wkt.NONE) g.writeEndObject();
      else if (!sawValue) throw TranscodeException.of("missing \"value\" (expected: the JSON form of the packed " + typeName + ")");
    }
    ValueWriter proto = anyTypes.newProtobufWriter();
    proto.reset(packed);
    JsonReader nested = new JsonReader(schema, limits, options, anyTypes);
    nested.read(rest.buf, 0, rest.count, packed, proto, depth);
    out.field(s.wktA);
    out.stringValue(typeUrl);
    out.field(s.wktB);
    out.binaryValue(proto.buffer(), 0, proto.size());
    out.endStruct();
    depth--;
  }

  // ---------------------------------------------------------------- messages

  private TranscodeException expected(String what, JsonToken got) throws IOException {
    return TranscodeException.of("expected " + what + ", got " + describe(got));
  }

  private String describe(JsonToken t) throws IOException {
    return describeToken(p, t);
  }

  private static String describeToken(JsonParser parser, JsonToken t) throws IOException {
    if (t == null) return "end of input";
    return switch (t) {
      case VALUE_STRING -> WellKnownText.quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }

  private static TranscodeException malformed(String what, JsonLocation at) {
    return TranscodeException.of("malformed JSON at " + at.getLineNr() + ":" + at.getColumnNr() + ": " + what);
  }

  /** Jackson's message without its source-location suffixes, which we replace by line:col. */
  static String cleanMessage(String message) {
    if (message == null) return "unreadable input";
    String m = message;
    int cut = m.indexOf(" (start marker at");
    if (cut >= 0) m = m.substring(0, cut);
    cut = m.indexOf("\n at [Source");
    if (cut >= 0) m = m.substring(0, cut);
    return m.strip();
  }

}
