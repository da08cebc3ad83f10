package dev.polyglot.translate.json;

import dev.polyglot.translate.FormatCodec;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;

/**
 * The JSON {@link FormatCodec} of one dialect: {@link WireFormat#THRIFT_JSON} or
 * {@link WireFormat#PROTO_JSON}. Holds the compiled JSON view of every struct plan it has met
 * (shared by the readers and writers it makes). Thread-safe; what it makes is not.
 */
public final class JsonCodec implements FormatCodec {
  private final JsonSchema schema;
  private final JsonOptions options;
  private final AnyTypes anyTypes;

  private JsonCodec(JsonDialect dialect, JsonOptions options, AnyTypes anyTypes) {
    this.schema = new JsonSchema(dialect);
    this.options = options;
    this.anyTypes = anyTypes;
  }

  /** Default options; {@code google.protobuf.Any} values are rejected (no type resolution). */
  public static JsonCodec of(JsonDialect dialect) {
    return new JsonCodec(dialect, JsonOptions.DEFAULT, null);
  }

  /**
   * @param anyTypes resolves the messages packed in {@code google.protobuf.Any} (proto view); null
   *     to reject Any values
   */
  public static JsonCodec of(JsonDialect dialect, JsonOptions options, AnyTypes anyTypes) {
    return new JsonCodec(dialect, options, anyTypes);
  }

  /** The dialect a wire format stands for. */
  public static JsonDialect dialectOf(WireFormat format) {
    return switch (format) {
      case THRIFT_JSON -> JsonDialect.THRIFT;
      case PROTO_JSON -> JsonDialect.PROTO;
      case THRIFT_BINARY, THRIFT_COMPACT, PROTOBUF -> throw new IllegalArgumentException(format + " is not a JSON format");
    };
  }

  public JsonDialect dialect() {
    return schema.dialect();
  }

  @Override
  public ValueSource newReader(Limits limits) {
    return newJsonReader(limits);
  }

  @Override
  public ValueWriter newWriter(Limits limits) {
    return newJsonWriter(limits);
  }

  public JsonReader newJsonReader(Limits limits) {
    return new JsonReader(schema, limits, options, anyTypes);
  }

  /** Writers need no limits: the source that drives them enforces the input's. */
  public JsonWriter newJsonWriter(Limits limits) {
    return new JsonWriter(schema, options, anyTypes);
  }
}
