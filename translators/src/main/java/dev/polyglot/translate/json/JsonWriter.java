package dev.polyglot.translate.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Events → JSON text in either dialect, written with Jackson's streaming {@link JsonGenerator}
 * into a buffer this writer owns.
 *
 * <p>Design note: events carry no types, so the writer keeps a stack of frames (struct, list, map,
 * or a well-known type being collected) and takes the type of each value from the innermost
 * frame. A struct field's name is held back ({@code pendingName}) until its value arrives, so that
 * proto3 implicit-presence fields at their default value, and empty repeated/map fields, can be
 * omitted as the proto3 JSON mapping requires even when the source emitted them. Well-known types
 * whose JSON form is a string (Timestamp, Duration, FieldMask) are collected and written when they
 * end. Map keys that are not strings are written as their JSON text; a struct or container key
 * (Thrift only) is rendered by a second generator into a string first.
 *
 * <p>Not thread-safe; reusable through {@link #reset(StructPlan)}.
 */
public final class JsonWriter implements ValueWriter {
  private static final int F_STRUCT = 0;
  private static final int F_LIST = 1;
  private static final int F_MAP = 2;
  private static final int F_TIMESTAMP = 3;
  private static final int F_DURATION = 4;
  private static final int F_WRAPPER = 5;
  private static final int F_FIELD_MASK = 6;
  private static final int F_PATHS = 7;
  private static final int F_STRUCT_WKT = 8;
  private static final int F_VALUE = 9;
  private static final int F_LIST_VALUE = 10;
  private static final int F_ANY = 11;

  private static final JsonFactory FACTORY = new com.fasterxml.jackson.core.JsonFactoryBuilder().rootValueSeparator((String) null).build();

  /** One level of nesting; frames are reused, never allocated per value. */
  private static final class Frame {
    int kind;
    JsonStruct struct;
    JsonType type; // container type for F_LIST/F_MAP/F_PATHS
    int field = -1;
    boolean keyNext;
    boolean open;
    boolean inline;
    SerializedString lazyName; // name to write when an unopened container gets its first element
    boolean capturing;
    boolean wrote;
    long a;
    long b;
    StringBuilder text;
    String typeUrl;
    byte[] bytes;
  }

  private final JsonSchema schema;
  private final JsonDialect dialect;
  private final JsonOptions options;
  private final AnyTypes anyTypes;
  private final ByteSink out = new ByteSink();
  private JsonGenerator root;
  private JsonGenerator gen;
  private Frame[] frames = new Frame[16];
  private int depth;
  private JsonStruct rootStruct;
  private SerializedString pendingName;
  private boolean pendingImplicit;
  private boolean complete;
  /** Generators saved while a complex map key is rendered into {@link #keyText}. */
  private JsonGenerator[] savedGens = new JsonGenerator[2];
  private StringWriter[] keyText = new StringWriter[2];
  private int captures;
  /** Set when this writer continues an object another writer opened (an Any's fields). */
  private boolean embedded;

  JsonWriter(JsonSchema schema, JsonOptions options, AnyTypes anyTypes) {
    this.schema = schema;
    this.dialect = schema.dialect();
    this.options = options;
    this.anyTypes = anyTypes;
    for (int i = 0; i < frames.length; i++) frames[i] = new Frame();
  }

  /** A writer of {@code dialect} with default options and no Any support. */
  public static JsonWriter create(JsonDialect dialect) {
    return JsonCodec.of(dialect).newJsonWriter(Limits.DEFAULT);
  }

  @Override
  public void reset(StructPlan rootPlan) {
    rootStruct = schema.struct(rootPlan);
    out.count = 0;
    depth = 0;
    pendingName = null;
    captures = 0;
    if (root == null || !complete) root = newGenerator(out);
    gen = root;
    complete = false;
  }

  private JsonGenerator newGenerator(java.io.OutputStream sink) {
    try {
      JsonGenerator g = FACTORY.createGenerator(sink);
      if (options.prettyPrint()) g.setPrettyPrinter(prettyPrinter());
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two-space indentation, {@code "name": value}, one element per line: what people expect. */
  private static DefaultPrettyPrinter prettyPrinter() {
    // No root separator: a reused generator must not put one before the next root value.
    DefaultPrettyPrinter p = new DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
        .withRootSeparator(""));
    p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    p.indentArraysWith(new DefaultIndenter("  ", "\n"));
    return p;
  }

  /** Continues the object another writer opened: the root struct's braces are not written. */
  private void resetEmbedded(JsonStruct rootJson, JsonGenerator target) {
    rootStruct = rootJson;
    depth = 0;
    pendingName = null;
    captures = 0;
    gen = target;
    embedded = true;
    complete = false;
  }

  @Override
  public byte[] toByteArray() {
    return Arrays.copyOf(out.buf, out.count);
  }

  @Override
  public byte[] buffer() {
    return out.buf;
  }

  @Override
  public int size() {
    return out.count;
  }

  // ---------------------------------------------------------------- frames

  private Frame push(int kind) {
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
      for (int i = depth; i < frames.length; i++) frames[i] = new Frame();
    }
    Frame f = frames[depth++];
    f.kind = kind;
    f.field = -1;
    f.keyNext = true;
    f.open = true;
    f.inline = false;
    f.lazyName = null;
    f.capturing = false;
    f.wrote = false;
    f.a = 0;
    f.b = 0;
    return f;
  }

  private Frame top() {
    return frames[depth - 1];
  }

  /** The type of the value about to be written; null for the root struct. */
  private JsonType expected(Frame f) {
    switch (f.kind) {
      case F_LIST:
      case F_PATHS:
        return f.type.element;
      case F_MAP:
        return f.keyNext ? f.type.key : f.type.element;
      default:
        if (f.field < 0) throw TranscodeException.of("a value arrived before its field was announced (expected: field(i) first)");
        return f.struct.types[f.field];
    }
  }

  /** Writes what must precede a value: the held-back field name, or an unopened container's start. */
  private void prepare() throws IOException {
    if (pendingName != null) {
      gen.writeFieldName(pendingName);
      pendingName = null;
      return;
    }
    if (depth > 0) {
      Frame f = top();
      if (!f.open) {
        gen.writeFieldName(f.lazyName);
        if (f.kind == F_MAP) gen.writeStartObject();
        else gen.writeStartArray();
        f.open = true;
      }
    }
  }

  /** A complete value was written inside {@code depth}'s top frame. */
  private void valueDone() throws IOException {
    if (depth == 0) return;
    Frame f = top();
    f.wrote = true;
    if (f.kind == F_MAP) {
      if (f.keyNext && f.capturing) endKeyCapture(f);
      f.keyNext = !f.keyNext;
    }
  }

  private boolean atKey(Frame f) {
    return f.kind == F_MAP && f.keyNext;
  }

  private void beginKeyCapture(Frame f) throws IOException {
    prepare();
    if (captures == savedGens.length) {
      savedGens = Arrays.copyOf(savedGens, captures * 2);
      keyText = Arrays.copyOf(keyText, captures * 2);
    }
    StringWriter w = keyText[captures];
    if (w == null) keyText[captures] = w = new StringWriter();
    w.getBuffer().setLength(0);
    savedGens[captures++] = gen;
    gen = FACTORY.createGenerator(w);
    f.capturing = true;
  }

  private void endKeyCapture(Frame f) throws IOException {
    gen.close();
    gen = savedGens[--captures];
    gen.writeFieldName(keyText[captures].toString());
    f.capturing = false;
  }

  // ---------------------------------------------------------------- structs

  @Override
  public void startStruct() {
    try {
      JsonStruct s;
      if (depth == 0) {
        s = rootStruct;
        if (embedded && s.wkt == Wkt.NONE) {
          push(F_STRUCT).struct = s;
          return;
        }
      } else {
        Frame parent = top();
        JsonType t = expected(parent);
        if (t.kind != TypeKind.STRUCT) throw mismatch("a struct", t);
        s = t.struct;
        if (atKey(parent)) beginKeyCapture(parent);
      }
      switch (s.wkt) {
        case NONE, EMPTY -> {
          prepare();
          gen.writeStartObject();
          push(F_STRUCT).struct = s;
        }
        case STRUCT -> {
          prepare();
          gen.writeStartObject();
          push(F_STRUCT_WKT).struct = s;
        }
        case LIST_VALUE -> {
          prepare();
          gen.writeStartArray();
          push(F_LIST_VALUE).struct = s;
        }
        case TIMESTAMP -> {
          prepare();
          push(F_TIMESTAMP).struct = s;
        }
        case DURATION -> {
          prepare();
          push(F_DURATION).struct = s;
        }
        case WRAPPER -> {
          prepare();
          push(F_WRAPPER).struct = s;
        }
        case FIELD_MASK -> {
          prepare();
          Frame f = push(F_FIELD_MASK);
          f.struct = s;
          if (f.text == null) f.text = new StringBuilder();
          f.text.setLength(0);
        }
        case VALUE -> {
          prepare();
          push(F_VALUE).struct = s;
        }
        case ANY -> {
          prepare();
          Frame f = push(F_ANY);
          f.struct = s;
          f.typeUrl = "";
          f.bytes = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void field(int fieldIndex) {
    Frame f = top();
    if (fieldIndex < 0 || fieldIndex >= f.struct.fieldCount) {
      throw TranscodeException.of("field index " + fieldIndex + " is not a field of " + f.struct.qualifiedName());
    }
    f.field = fieldIndex;
    if (f.kind == F_STRUCT) {
      pendingName = f.struct.outNames[fieldIndex];
      pendingImplicit = f.struct.implicit[fieldIndex];
    }
  }

  @Override
  public void endStruct() {
    try {
      Frame f = frames[--depth];
      switch (f.kind) {
        case F_STRUCT -> {
          pendingName = null;
          if (!(embedded && depth == 0)) gen.writeEndObject();
        }
        case F_STRUCT_WKT -> gen.writeEndObject();
        case F_LIST_VALUE -> gen.writeEndArray();
        case F_TIMESTAMP -> gen.writeString(WellKnownText.timestamp(f.a, f.b));
        case F_DURATION -> gen.writeString(WellKnownText.duration(f.a, f.b));
        case F_FIELD_MASK -> gen.writeString(f.text.toString());
        case F_WRAPPER -> {
          if (!f.wrote) writeDefault(f.struct.types[f.struct.wktA]);
        }
        case F_VALUE -> {
          if (!f.wrote) gen.writeNull();
        }
        case F_ANY -> writeAny(f);
        default -> throw TranscodeException.of("endStruct inside a " + (f.kind == F_MAP ? "map" : "list") + " (expected: its end first)");
      }
      if (depth == 0) {
        if (!embedded) gen.flush();
        complete = true;
      } else {
        valueDone();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- containers

  @Override
  public void startList(int size) {
    startSequence(size, TypeKind.LIST);
  }

  @Override
  public void startSet(int size) {
    startSequence(size, TypeKind.SET);
  }

  private void startSequence(int size, TypeKind kind) {
    try {
      Frame parent = top();
      JsonType t = expected(parent);
      if (t.kind != TypeKind.LIST && t.kind != TypeKind.SET) throw mismatch("a " + kind.name().toLowerCase(java.util.Locale.ROOT), t);
      if (parent.kind == F_FIELD_MASK) {
        push(F_PATHS).type = t;
        return;
      }
      if (parent.kind == F_LIST_VALUE) {
        Frame f = push(F_LIST);
        f.type = t;
        f.inline = true;
        return;
      }
      if (atKey(parent)) beginKeyCapture(parent);
      openContainer(F_LIST, t, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void openContainer(int kind, JsonType t, int size) throws IOException {
    if (pendingName != null && pendingImplicit) {
      // proto3 repeated/map: an empty one is omitted, so its name waits for a first element.
      SerializedString name = pendingName;
      pendingName = null;
      Frame f = push(kind);
      f.type = t;
      f.open = false;
      f.lazyName = name;
      return;
    }
    prepare();
    if (kind == F_MAP) gen.writeStartObject();
    else gen.writeStartArray();
    push(kind).type = t;
  }

  @Override
  public void endList() {
    endSequence();
  }

  @Override
  public void endSet() {
    endSequence();
  }

  private void endSequence() {
    try {
      Frame f = frames[--depth];
      if (f.kind != F_LIST && f.kind != F_PATHS) throw TranscodeException.of("endList/endSet without a matching start");
      if (f.kind == F_LIST && f.open && !f.inline) gen.writeEndArray();
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void startMap(int size) {
    try {
      Frame parent = top();
      JsonType t = expected(parent);
      if (t.kind != TypeKind.MAP) throw mismatch("a map", t);
      if (parent.kind == F_STRUCT_WKT) {
        Frame f = push(F_MAP);
        f.type = t;
        f.inline = true;
        return;
      }
      if (atKey(parent)) beginKeyCapture(parent);
      openContainer(F_MAP, t, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void endMap() {
    try {
      Frame f = frames[--depth];
      if (f.kind != F_MAP) throw TranscodeException.of("endMap without a matching startMap");
      if (f.open && !f.inline) gen.writeEndObject();
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- scalars

  /** True when a held-back implicit-presence field is at its default: drop its name and value. */
  private boolean skipDefault(boolean isDefault) {
    if (isDefault && pendingName != null && pendingImplicit) {
      pendingName = null;
      return true;
    }
    return false;
  }

  @Override
  public void boolValue(boolean value) {
    try {
      Frame f = top();
      JsonType t = expected(f);
      if (t.kind != TypeKind.BOOL) throw mismatch("a bool", t);
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(value ? "true" : "false");
      } else if (!skipDefault(!value)) {
        prepare();
        gen.writeBoolean(value);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void longValue(long value) {
    try {
      Frame f = top();
      if (f.kind == F_TIMESTAMP || f.kind == F_DURATION) {
        if (f.field == f.struct.wktA) f.a = value;
        else f.b = value;
        return;
      }
      JsonType t = expected(f);
      if (t.kind == TypeKind.ENUM) {
        if (value != (int) value) throw TranscodeException.of(value + " is out of range (expected: an enum number between -2147483648 and 2147483647)");
        enumValue((int) value);
        return;
      }
      if (t.kind != TypeKind.INTEGER) throw mismatch("an integer", t);
      if (t.narrow) t.plan.checkRange(value);
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(t.isUnsigned64() ? Long.toUnsignedString(value) : Long.toString(value));
      } else if (!skipDefault(value == 0)) {
        prepare();
        if (t.quoted) gen.writeString(t.isUnsigned64() ? Long.toUnsignedString(value) : Long.toString(value));
        else if (t.isUnsigned64()) gen.writeNumber(Long.toUnsignedString(value));
        else gen.writeNumber(value);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void doubleValue(double value) {
    try {
      Frame f = top();
      JsonType t = expected(f);
      if (t.kind != TypeKind.FLOATING) throw mismatch("a floating-point number", t);
      boolean isFloat = t.scalar == dev.polyglot.idl.Scalar.FLOAT;
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(special(value) != null ? special(value) : isFloat ? Float.toString((float) value) : Double.toString(value));
      } else if (!skipDefault(Double.doubleToRawLongBits(value) == 0)) {
        prepare();
        String s = special(value);
        if (s != null) gen.writeString(s);
        else if (isFloat) gen.writeNumber((float) value);
        else gen.writeNumber(value);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String special(double v) {
    if (Double.isNaN(v)) return "NaN";
    if (v == Double.POSITIVE_INFINITY) return "Infinity";
    if (v == Double.NEGATIVE_INFINITY) return "-Infinity";
    return null;
  }

  @Override
  public void stringValue(String value) {
    try {
      Frame f = top();
      if (f.kind == F_ANY) {
        f.typeUrl = value;
        return;
      }
      if (f.kind == F_PATHS) {
        Frame mask = frames[depth - 2];
        if (mask.text.length() > 0) mask.text.append(',');
        mask.text.append(WellKnownText.lowerCamel(value));
        return;
      }
      JsonType t = expected(f);
      if (t.kind != TypeKind.STRING) throw mismatch("a string", t);
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(value);
      } else if (!skipDefault(value.isEmpty())) {
        prepare();
        gen.writeString(value);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stringValue(byte[] utf8, int offset, int length) {
    Frame f = top();
    if (f.kind == F_ANY || f.kind == F_PATHS || atKey(f)) {
      stringValue(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    try {
      JsonType t = expected(f);
      if (t.kind != TypeKind.STRING) throw mismatch("a string", t);
      if (!skipDefault(length == 0)) {
        prepare();
        gen.writeUTF8String(utf8, offset, length);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void binaryValue(byte[] bytes, int offset, int length) {
    try {
      Frame f = top();
      if (f.kind == F_ANY) {
        f.bytes = Arrays.copyOfRange(bytes, offset, offset + length);
        return;
      }
      JsonType t = expected(f);
      if (t.kind != TypeKind.BINARY) throw mismatch("bytes", t);
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, offset, offset + length)));
      } else if (!skipDefault(length == 0)) {
        prepare();
        gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, offset, length);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
    try {
      Frame f = top();
      JsonType t = expected(f);
      if (t.kind != TypeKind.UUID) throw mismatch("a uuid", t);
      String text = new java.util.UUID(mostSignificantBits, leastSignificantBits).toString();
      prepare();
      if (atKey(f)) gen.writeFieldName(text);
      else gen.writeString(text);
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void enumValue(int number) {
    try {
      Frame f = top();
      JsonType t = expected(f);
      if (t.kind == TypeKind.INTEGER) {
        longValue(number);
        return;
      }
      if (t.kind != TypeKind.ENUM) throw mismatch("an enum", t);
      String name = t.enumPlan.name(number);
      if (atKey(f)) {
        prepare();
        gen.writeFieldName(name != null ? name : Integer.toString(number));
      } else if (t.nullValue) {
        prepare();
        gen.writeNull();
      } else if (!skipDefault(number == 0)) {
        prepare();
        if (name != null) gen.writeString(name);
        else gen.writeNumber(number);
      }
      valueDone();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeDefault(JsonType t) throws IOException {
    switch (t.kind) {
      case BOOL -> gen.writeBoolean(false);
      case INTEGER -> {
        if (t.quoted) gen.writeString("0");
        else gen.writeNumber(0);
      }
      case FLOATING -> gen.writeNumber(0.0);
      case STRING, BINARY -> gen.writeString("");
      case ENUM -> {
        String name = t.enumPlan.name(0);
        if (name != null) gen.writeString(name);
        else gen.writeNumber(0);
      }
      default -> gen.writeNull();
    }
  }

  // ---------------------------------------------------------------- Any

  private void writeAny(Frame f) throws IOException {
    if (f.typeUrl.isEmpty()) {
      if (f.bytes != null && f.bytes.length > 0) {
        throw TranscodeException.of("an Any with a value but no type_url (expected: a type URL naming the packed message)");
      }
      gen.writeStartObject();
      gen.writeEndObject();
      return;
    }
    String typeName = f.typeUrl.substring(f.typeUrl.lastIndexOf('/') + 1);
    StructPlan packed = anyTypes == null ? null : anyTypes.resolve(typeName);
    if (packed == null) {
      throw TranscodeException.of("cannot write an Any holding " + typeName + " (expected: a message type loaded from the IDL files)");
    }
    JsonStruct inner = schema.struct(packed);
    gen.writeStartObject();
    gen.writeStringField("@type", f.typeUrl);
    if (inner.wkt != Wkt.NONE) gen.writeFieldName("value");
    JsonWriter nested = new JsonWriter(schema, options, anyTypes);
    nested.resetEmbedded(inner, gen);
    ValueSource reader = anyTypes.newProtobufReader();
    byte[] bytes = f.bytes == null ? new byte[0] : f.bytes;
    try {
      reader.read(bytes, 0, bytes.length, packed, nested);
    } catch (TranscodeException e) {
      throw e.atField("value");
    }
    gen.writeEndObject();
  }

  private static TranscodeException mismatch(String got, JsonType expected) {
    return TranscodeException.of("got " + got + " for a value of type " + expected.plan.display());
  }
}
