package dev.polyglot.translate.json;

/** The proto well-known types that have their own JSON forms (proto view only). */
enum Wkt {
  NONE,
  TIMESTAMP,
  DURATION,
  WRAPPER,
  FIELD_MASK,
  STRUCT,
  VALUE,
  LIST_VALUE,
  ANY,
  EMPTY;

  static Wkt of(String qualifiedName) {
    return switch (qualifiedName) {
      case "google.protobuf.Timestamp" -> TIMESTAMP;
      case "google.protobuf.Duration" -> DURATION;
      case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue" -> WRAPPER;
      case "google.protobuf.FieldMask" -> FIELD_MASK;
      case "google.protobuf.Struct" -> STRUCT;
      case "google.protobuf.Value" -> VALUE;
      case "google.protobuf.ListValue" -> LIST_VALUE;
      case "google.protobuf.Any" -> ANY;
      case "google.protobuf.Empty" -> EMPTY;
      default -> NONE;
    };
  }
}
