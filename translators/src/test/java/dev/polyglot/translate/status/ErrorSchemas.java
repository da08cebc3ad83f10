package dev.polyglot.translate.status;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Thrift schema the error-model tests use, built as the Thrift loader would build it from:
 *
 * <pre>
 * exception ItemNotFound { 1: string sku, 2: string message } (grpc.code = "NOT_FOUND", http.status = "410")
 * exception OutOfStock { 1: i32 available, 2: string reason } (grpc.code = "FAILED_PRECONDITION")
 * exception Boom { 1: i32 errno }
 * exception Denied { 1: string who } (grpc.code = "PERMISSION_DENIED")
 * exception Forbidden { 1: string why } (grpc.code = "PERMISSION_DENIED")
 * service Warehouse {
 *   Item getItem(1: string sku) throws (1: ItemNotFound notFound, 2: OutOfStock outOfStock,
 *       3: Boom boom, 4: Denied denied, 5: Forbidden forbidden)
 * }
 * </pre>
 */
final class ErrorSchemas {
  private ErrorSchemas() {}

  static FieldDef field(int id, String name, TypeRef type) {
    return new FieldDef(id, name, name, type, Requiredness.DEFAULT, false, null, -1, false, Annotations.NONE,
        SourceLocation.of("warehouse.thrift", 1, 1));
  }

  static StructDef exception(String name, int line, Map<String, String> annotations, FieldDef... fields) {
    return new StructDef("warehouse." + name, name, IdlKind.THRIFT, StructKind.EXCEPTION, List.of(fields), List.of(),
        false, Annotations.of(annotations), SourceLocation.of("warehouse.thrift", line, 1));
  }

  static Map<String, String> annotations(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
    return m;
  }

  static final TypeRef STRING = TypeRef.of(Scalar.STRING);
  static final TypeRef I32 = TypeRef.of(Scalar.I32);

  static Schema schema(StructDef... exceptions) {
    Schema.Builder b = Schema.builder();
    for (StructDef s : exceptions) b.addStruct(s);
    return b.build();
  }

  static final StructDef ITEM_NOT_FOUND = exception("ItemNotFound", 1,
      annotations("grpc.code", "NOT_FOUND", "http.status", "410"), field(1, "sku", STRING), field(2, "message", STRING));
  static final StructDef OUT_OF_STOCK = exception("OutOfStock", 2,
      annotations("grpc.code", "FAILED_PRECONDITION"), field(1, "available", I32), field(2, "reason", STRING));
  static final StructDef BOOM = exception("Boom", 3, Map.of(), field(1, "errno", I32));
  static final StructDef DENIED = exception("Denied", 4, annotations("grpc.code", "PERMISSION_DENIED"), field(1, "who", STRING));
  static final StructDef FORBIDDEN = exception("Forbidden", 5, annotations("grpc.code", "PERMISSION_DENIED"), field(1, "why", STRING));

  static final Schema WAREHOUSE = schema(ITEM_NOT_FOUND, OUT_OF_STOCK, BOOM, DENIED, FORBIDDEN);

  static MethodDef getItem() {
    List<FieldDef> throwsFields = List.of(
        field(1, "notFound", TypeRef.named("warehouse.ItemNotFound", TypeRef.NamedKind.STRUCT)),
        field(2, "outOfStock", TypeRef.named("warehouse.OutOfStock", TypeRef.NamedKind.STRUCT)),
        field(3, "boom", TypeRef.named("warehouse.Boom", TypeRef.NamedKind.STRUCT)),
        field(4, "denied", TypeRef.named("warehouse.Denied", TypeRef.NamedKind.STRUCT)),
        field(5, "forbidden", TypeRef.named("warehouse.Forbidden", TypeRef.NamedKind.STRUCT)));
    return new MethodDef("getItem", "warehouse.Warehouse", StreamingKind.UNARY, false,
        TypeRef.named("warehouse.Warehouse.getItem_args", TypeRef.NamedKind.STRUCT), TypeRef.of(Scalar.STRING),
        throwsFields, List.of(), Annotations.NONE, SourceLocation.of("warehouse.thrift", 9, 3));
  }
}
