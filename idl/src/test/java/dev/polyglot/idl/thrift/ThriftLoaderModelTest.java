package dev.polyglot.idl.thrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.ConstDef;
import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.ConstValue.BoolValue;
import dev.polyglot.idl.ConstValue.DoubleValue;
import dev.polyglot.idl.ConstValue.EnumRef;
import dev.polyglot.idl.ConstValue.IntValue;
import dev.polyglot.idl.ConstValue.ListValue;
import dev.polyglot.idl.ConstValue.MapValue;
import dev.polyglot.idl.ConstValue.StringValue;
import dev.polyglot.idl.ConstValue.StructValue;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.TypedefDef;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the model IDLs under {@code src/test/resources/thrift/model} and checks the neutral model exactly. */
class ThriftLoaderModelTest {
  private static final String DIR = Path.of("src", "test", "resources", "thrift", "model").toString();
  private static final String SHARED = Path.of(DIR, "shared.thrift").toString();
  private static final String WAREHOUSE = Path.of(DIR, "warehouse.thrift").toString();
  private static final String UNITS = Path.of(DIR, "inc", "units.thrift").toString();
  private static final String EVERYTHING = Path.of(DIR, "everything.thrift").toString();

  private static final TypeRef BOOL = TypeRef.of(Scalar.BOOL);
  private static final TypeRef I8 = TypeRef.of(Scalar.I8);
  private static final TypeRef I16 = TypeRef.of(Scalar.I16);
  private static final TypeRef I32 = TypeRef.of(Scalar.I32);
  private static final TypeRef I64 = TypeRef.of(Scalar.I64);
  private static final TypeRef DOUBLE = TypeRef.of(Scalar.DOUBLE);
  private static final TypeRef STRING = TypeRef.of(Scalar.STRING);
  private static final TypeRef BINARY = TypeRef.of(Scalar.BINARY);
  private static final TypeRef UUID = TypeRef.of(Scalar.UUID);
  private static final TypeRef COLOR = TypeRef.named("everything.Color", TypeRef.NamedKind.ENUM);
  private static final TypeRef POINT = TypeRef.named("everything.Point", TypeRef.NamedKind.STRUCT);

  private static Schema warehouse;
  private static Schema everything;

  @BeforeAll
  static void load() throws Exception {
    warehouse = ThriftLoader.load(List.of(Path.of(WAREHOUSE)), List.of(Path.of(DIR, "inc")));
    everything = ThriftLoader.load(List.of(Path.of(EVERYTHING)), List.of());
  }

  private static SourceLocation at(String file, int line, int col) {
    return SourceLocation.of(file, line, col);
  }

  private static Annotations ann(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
    return Annotations.of(m);
  }

  private static FieldDef field(int id, String name, TypeRef type, Requiredness req, ConstValue dflt, Annotations a, SourceLocation loc) {
    return new FieldDef(id, name, name, type, req, req != Requiredness.DEFAULT, dflt, -1, false, a, loc);
  }

  private static <K, V> Map.Entry<K, V> entry(K k, V v) {
    return new SimpleImmutableEntry<>(k, v);
  }

  private static IdlFile file(Schema schema, String path) {
    return schema.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  private static ConstValue constant(Schema schema, String path, String name) {
    return file(schema, path).constants().stream().filter(c -> c.name().equals(name)).map(ConstDef::value).findFirst().orElseThrow();
  }

  @Test
  void includedFilesAreFoundNextToTheIncludingFileAndOnTheIncludePath() {
    assertEquals(List.of(SHARED, UNITS, WAREHOUSE), warehouse.files().stream().map(IdlFile::path).toList());
    IdlFile w = file(warehouse, WAREHOUSE);
    assertEquals(IdlKind.THRIFT, w.idl());
    assertEquals("warehouse", w.scope());
    assertEquals(List.of(SHARED, UNITS), w.includes());
    assertEquals(Map.of("java", "dev.polyglot.warehouse", "py", "warehouse"), w.namespaces());
    assertEquals(Map.of("java", "dev.polyglot.shared", "*", "shared"), file(warehouse, SHARED).namespaces());
    assertEquals(List.of("warehouse.Item"), w.structs());
    assertEquals(List.of("warehouse.Warehouse"), w.services());
    assertEquals(List.of("units.Length"), file(warehouse, UNITS).enums());
    assertNull(w.descriptor());
  }

  @Test
  void typedefChainsAreResolvedAndKeptWithTheirAnnotations() {
    assertEquals(List.of(
            new TypedefDef("everything.Timestamp", "Timestamp", I64, ann("cpp.type", "int64_t", "units", "ms"), at(EVERYTHING, 9, 1)),
            new TypedefDef("everything.When", "When", I64, Annotations.NONE, at(EVERYTHING, 10, 1)),
            new TypedefDef("everything.Timeline", "Timeline", TypeRef.mapOf(STRING, TypeRef.listOf(I64)), Annotations.NONE, at(EVERYTHING, 11, 1)),
            new TypedefDef("everything.Code", "Code", STRING, Annotations.NONE, at(EVERYTHING, 12, 1))),
        file(everything, EVERYTHING).typedefs());
    assertEquals(List.of(
            new TypedefDef("warehouse.ItemSku", "ItemSku", STRING, Annotations.NONE, at(WAREHOUSE, 7, 1)),
            new TypedefDef("warehouse.SkuList", "SkuList", TypeRef.listOf(STRING), Annotations.NONE, at(WAREHOUSE, 8, 1))),
        file(warehouse, WAREHOUSE).typedefs());
  }

  @Test
  void constantsOfEveryKindAreEvaluatedAndTyped() {
    List<ConstDef> consts = file(everything, EVERYTHING).constants();
    assertEquals(List.of("SMALL", "LEGACY", "SHORT", "HEX", "BIG", "PI", "AVOGADRO", "WHOLE", "DOUBLE_QUOTED", "SINGLE_QUOTED",
            "YES", "NO", "BLOB", "ID", "PRIMES", "TAGS", "PALETTE", "NESTED", "FAVOURITE", "STATUS", "LIMIT", "WHERE", "ALIAS",
            "ORIGIN", "UNIT_BOX"),
        consts.stream().map(ConstDef::name).toList());
    assertEquals(new ConstDef("everything.SMALL", "SMALL", I8, new IntValue(-128), at(EVERYTHING, 22, 1)), consts.get(0));
    assertEquals(new ConstDef("everything.LEGACY", "LEGACY", I8, new IntValue(127), at(EVERYTHING, 23, 1)), consts.get(1));
    assertEquals(new IntValue(32767), constant(everything, EVERYTHING, "SHORT"));
    assertEquals(new IntValue(-31), constant(everything, EVERYTHING, "HEX"));
    assertEquals(new IntValue(Long.MAX_VALUE), constant(everything, EVERYTHING, "BIG"));
    assertEquals(new DoubleValue(3.14159), constant(everything, EVERYTHING, "PI"));
    assertEquals(new DoubleValue(6.022e23), constant(everything, EVERYTHING, "AVOGADRO"));
    assertEquals(new DoubleValue(2.0), constant(everything, EVERYTHING, "WHOLE"));
    assertEquals(new StringValue("tab\tquote\" \u00e9"), constant(everything, EVERYTHING, "DOUBLE_QUOTED"));
    assertEquals(new StringValue("it's"), constant(everything, EVERYTHING, "SINGLE_QUOTED"));
    assertEquals(new BoolValue(true), constant(everything, EVERYTHING, "YES"));
    assertEquals(new BoolValue(false), constant(everything, EVERYTHING, "NO"));
    assertEquals(new StringValue("raw"), constant(everything, EVERYTHING, "BLOB"));
    assertEquals(new StringValue("123e4567-e89b-12d3-a456-426614174000"), constant(everything, EVERYTHING, "ID"));
    ListValue primes = new ListValue(List.of(new IntValue(2), new IntValue(3), new IntValue(5), new IntValue(7)));
    assertEquals(primes, constant(everything, EVERYTHING, "PRIMES"));
    assertEquals(new ListValue(List.of(new StringValue("a"), new StringValue("b"))), constant(everything, EVERYTHING, "TAGS"));
    assertEquals(TypeRef.setOf(STRING), consts.get(15).type());
    assertEquals(new MapValue(List.of(
            entry(new StringValue("sky"), new EnumRef("everything.Color", "BLUE", 5)),
            entry(new StringValue("grass"), new EnumRef("everything.Color", "GREEN", 4)),
            entry(new StringValue("hex"), new EnumRef("everything.Color", "CYAN", 16)))),
        constant(everything, EVERYTHING, "PALETTE"));
    assertEquals(TypeRef.mapOf(STRING, COLOR), consts.get(16).type());
    assertEquals(new MapValue(List.of(
            entry(new IntValue(1), new ListValue(List.of(new StringValue("x")))),
            entry(new IntValue(2), new ListValue(List.of())))),
        constant(everything, EVERYTHING, "NESTED"));
    assertEquals(new EnumRef("everything.Color", "CYAN", 16), constant(everything, EVERYTHING, "FAVOURITE"));
    assertEquals(primes, constant(everything, EVERYTHING, "ALIAS"));
  }

  @Test
  void constantsReferToEnumValuesAndConstantsOfIncludedFiles() {
    assertEquals(new EnumRef("shared.Status", "RETIRED", 6), constant(everything, EVERYTHING, "STATUS"));
    assertEquals(new IntValue(100), constant(everything, EVERYTHING, "LIMIT"));
    assertEquals(new StringValue("eu-west"), constant(everything, EVERYTHING, "WHERE"));
    assertEquals(new IntValue(100), constant(warehouse, WAREHOUSE, "PAGE_SIZE"));
    assertEquals(new EnumRef("shared.Status", "INACTIVE", 5), constant(warehouse, WAREHOUSE, "DEFAULT_STATUS"));
    assertEquals(new EnumRef("units.Length", "CM", 10), constant(warehouse, WAREHOUSE, "DEFAULT_UNIT"));
  }

  @Test
  void structLiteralsAreCheckedAgainstTheStructFieldsAndNest() {
    StructValue origin = new StructValue("everything.Point", List.of(
        entry("x", new IntValue(0)), entry("y", new DoubleValue(0.5)), entry("label", new StringValue("eu-west"))));
    assertEquals(origin, constant(everything, EVERYTHING, "ORIGIN"));
    assertEquals(new StructValue("everything.Shape", List.of(
            entry("points", new ListValue(List.of(origin,
                new StructValue("everything.Point", List.of(entry("x", new IntValue(1)), entry("y", new DoubleValue(1.0))))))),
            entry("color", new EnumRef("everything.Color", "RED", 0)),
            entry("price", new StructValue("shared.Money", List.of(entry("currency", new StringValue("GBP")), entry("cents", new IntValue(99))))))),
        constant(everything, EVERYTHING, "UNIT_BOX"));
  }

  @Test
  void enumsGetImplicitValuesFromThePreviousOneAndKeepAnnotations() {
    assertEquals(new EnumDef("everything.Color", "Color", IdlKind.THRIFT, List.of(
            new EnumValueDef("RED", 0, Annotations.NONE, at(EVERYTHING, 15, 3)),
            new EnumValueDef("GREEN", 4, ann("label", "go"), at(EVERYTHING, 16, 3)),
            new EnumValueDef("BLUE", 5, Annotations.NONE, at(EVERYTHING, 17, 3)),
            new EnumValueDef("CYAN", 16, Annotations.NONE, at(EVERYTHING, 18, 3)),
            new EnumValueDef("MAGENTA", 17, Annotations.NONE, at(EVERYTHING, 19, 3))),
            ann("closed", "1"), at(EVERYTHING, 14, 1)),
        everything.requireEnum("everything.Color"));
    assertEquals(List.of(0, 5, 6), everything.requireEnum("shared.Status").values().stream().map(EnumValueDef::number).toList());
  }

  @Test
  void structFieldsCarryIdsTypesRequirednessDefaultsAndAnnotations() {
    assertEquals(new StructDef("everything.Point", "Point", IdlKind.THRIFT, StructKind.STRUCT, List.of(
            field(1, "x", I32, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 49, 3)),
            field(2, "y", DOUBLE, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 50, 3)),
            field(3, "label", STRING, Requiredness.OPTIONAL, new StringValue("origin"), ann("json.omit", "true"), at(EVERYTHING, 51, 3))),
            List.of(), false, Annotations.NONE, at(EVERYTHING, 48, 1)),
        everything.requireStruct("everything.Point"));
    assertEquals(List.of(
            field(1, "points", TypeRef.listOf(POINT), Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 55, 3)),
            field(2, "color", COLOR, Requiredness.DEFAULT, new EnumRef("everything.Color", "GREEN", 4), Annotations.NONE, at(EVERYTHING, 56, 3)),
            field(3, "price", TypeRef.named("shared.Money", TypeRef.NamedKind.STRUCT), Requiredness.OPTIONAL, null, Annotations.NONE, at(EVERYTHING, 57, 3)),
            field(4, "deep", TypeRef.mapOf(STRING, TypeRef.setOf(TypeRef.listOf(I8))), Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 58, 3)),
            field(5, "created", I64, Requiredness.REQUIRED, null, Annotations.NONE, at(EVERYTHING, 59, 3)),
            field(6, "timeline", TypeRef.mapOf(STRING, TypeRef.listOf(I64)), Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 60, 3)),
            field(7, "code", STRING, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 61, 3)),
            field(8, "blobs", TypeRef.listOf(TypeRef.mapOf(COLOR, BINARY)), Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 62, 3))),
        everything.requireStruct("everything.Shape").fields());
    FieldDef currency = warehouse.requireStruct("shared.Money").fields().get(0);
    assertEquals(field(1, "currency", STRING, Requiredness.REQUIRED, new StringValue("EUR"), Annotations.NONE, at(SHARED, 17, 3)), currency);
    assertTrue(currency.hasPresence());
  }

  @Test
  void fieldsWithoutIdsGetImplicitNegativeIdsInDeclarationOrder() {
    assertEquals(List.of(
            field(-1, "first", STRING, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 66, 3)),
            field(-2, "second", I16, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 67, 3)),
            field(10, "third", BOOL, Requiredness.DEFAULT, new BoolValue(true), Annotations.NONE, at(EVERYTHING, 68, 3)),
            field(-3, "fourth", UUID, Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 69, 3))),
        everything.requireStruct("everything.Legacy").fields());
  }

  @Test
  void defaultValuesReferToConstantsAndEnumValuesAcrossFiles() {
    StructDef item = warehouse.requireStruct("warehouse.Item");
    assertEquals(List.of(
            field(1, "sku", STRING, Requiredness.REQUIRED, null, Annotations.NONE, at(WAREHOUSE, 15, 3)),
            field(2, "name", STRING, Requiredness.OPTIONAL, null, Annotations.NONE, at(WAREHOUSE, 16, 3)),
            field(3, "quantity", I32, Requiredness.DEFAULT, new IntValue(100), Annotations.NONE, at(WAREHOUSE, 17, 3)),
            field(4, "status", TypeRef.named("shared.Status", TypeRef.NamedKind.ENUM), Requiredness.DEFAULT,
                new EnumRef("shared.Status", "ACTIVE", 0), Annotations.NONE, at(WAREHOUSE, 18, 3)),
            field(5, "price", TypeRef.named("shared.Money", TypeRef.NamedKind.STRUCT), Requiredness.OPTIONAL,
                new StructValue("shared.Money", List.of(entry("currency", new StringValue("USD")), entry("cents", new IntValue(250)))),
                Annotations.NONE, at(WAREHOUSE, 19, 3)),
            field(6, "unit", TypeRef.named("units.Length", TypeRef.NamedKind.ENUM), Requiredness.DEFAULT,
                new EnumRef("units.Length", "CM", 10), Annotations.NONE, at(WAREHOUSE, 20, 3))),
        item.fields());
    assertFalse(item.fields().get(2).hasPresence());
  }

  @Test
  void unionsAndExceptionsKeepTheirKindAndAnnotations() {
    StructDef value = everything.requireStruct("everything.Value");
    assertEquals(StructKind.UNION, value.kind());
    assertTrue(value.isUnion());
    assertEquals(ann("union.tag", "kind"), value.annotations());
    assertEquals(List.of("text", "number", "flag", "point"), value.fields().stream().map(FieldDef::name).toList());
    StructDef invalid = everything.requireStruct("everything.Invalid");
    assertEquals(StructKind.EXCEPTION, invalid.kind());
    assertEquals(ann("grpc.code", "INVALID_ARGUMENT"), invalid.annotations());
    assertEquals(field(2, "code", I32, Requiredness.OPTIONAL, new IntValue(400), Annotations.NONE, at(EVERYTHING, 81, 3)), invalid.fields().get(1));
    assertEquals(ann("grpc.code", "NOT_FOUND", "http.status", "404"), everything.requireStruct("shared.NotFound").annotations());
  }

  @Test
  void servicesListInheritedMethodsOfTheWholeChainFirst() {
    ServiceDef svc = everything.requireService("everything.Everything");
    assertEquals("everything.Middle", svc.extendsService());
    assertEquals(ann("version", "2"), svc.annotations());
    assertEquals(at(EVERYTHING, 92, 1), svc.location());
    assertEquals(List.of("reset", "healthy", "draw", "fire", "lookup", "download", "now", "deprecated"),
        svc.methods().stream().map(MethodDef::name).toList());
    assertEquals(List.of("everything.Base", "everything.Middle", "everything.Everything", "everything.Everything", "everything.Everything",
            "everything.Everything", "everything.Everything", "everything.Everything"),
        svc.methods().stream().map(MethodDef::service).toList());
    assertEquals(ann("owner", "team-a"), everything.requireService("everything.Base").annotations());
    assertNull(everything.requireService("everything.Base").extendsService());
  }

  @Test
  void serviceExtendsAServiceOfAnIncludedFile() {
    ServiceDef svc = warehouse.requireService("Warehouse");
    assertEquals("shared.BaseService", svc.extendsService());
    assertEquals(List.of("ping", "version", "getItem", "putItem", "touch"), svc.methods().stream().map(MethodDef::name).toList());
    MethodDef version = svc.methods().get(1);
    assertEquals(new MethodDef("version", "shared.BaseService", StreamingKind.UNARY, false,
            TypeRef.named("shared.BaseService.version_args", TypeRef.NamedKind.STRUCT), I64, List.of(), List.of(),
            ann("cache.ttl", "60s"), at(SHARED, 28, 3)),
        version);
    assertEquals(StructKind.ARGS, warehouse.requireStruct("shared.BaseService.version_args").kind());
  }

  @Test
  void methodsGetArgsStructsResultsExceptionsAndHttpRules() {
    ServiceDef svc = everything.requireService("everything.Everything");
    MethodDef draw = svc.method("draw").orElseThrow();
    assertEquals(new MethodDef("draw", "everything.Everything", StreamingKind.UNARY, false,
            TypeRef.named("everything.Everything.draw_args", TypeRef.NamedKind.STRUCT),
            TypeRef.named("everything.Shape", TypeRef.NamedKind.STRUCT),
            List.of(
                field(1, "invalid", TypeRef.named("everything.Invalid", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, null,
                    Annotations.NONE, at(EVERYTHING, 93, 73)),
                field(2, "missing", TypeRef.named("shared.NotFound", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, null,
                    Annotations.NONE, at(EVERYTHING, 93, 93))),
            List.of(new HttpRule("POST", "/v1/shapes", "*", "", at(EVERYTHING, 93, 3))),
            ann("http.post", "/v1/shapes", "http.body", "*"), at(EVERYTHING, 93, 3)),
        draw);
    assertEquals(new StructDef("everything.Everything.draw_args", "draw_args", IdlKind.THRIFT, StructKind.ARGS, List.of(
            field(1, "points", TypeRef.listOf(POINT), Requiredness.DEFAULT, null, Annotations.NONE, at(EVERYTHING, 93, 14)),
            field(2, "color", COLOR, Requiredness.DEFAULT, new EnumRef("everything.Color", "RED", 0), Annotations.NONE, at(EVERYTHING, 93, 37))),
            List.of(), false, Annotations.NONE, at(EVERYTHING, 93, 3)),
        everything.requireStruct("everything.Everything.draw_args"));

    MethodDef fire = svc.method("fire").orElseThrow();
    assertTrue(fire.oneway());
    assertEquals(TypeRef.VOID, fire.response());

    MethodDef lookup = svc.method("lookup").orElseThrow();
    assertEquals(TypeRef.mapOf(STRING, TypeRef.listOf(TypeRef.named("everything.Value", TypeRef.NamedKind.STRUCT))), lookup.response());
    assertEquals(List.of(new HttpRule("GET", "/v1/values", "", "", at(EVERYTHING, 96, 3))), lookup.httpRules());
    assertEquals(List.of(field(1, "keys", TypeRef.setOf(STRING), Requiredness.REQUIRED, null, Annotations.NONE, at(EVERYTHING, 96, 35))),
        everything.requireStruct("everything.Everything.lookup_args").fields());

    MethodDef download = svc.method("download").orElseThrow();
    assertEquals(BINARY, download.response());
    assertEquals(List.of(
            new HttpRule("DELETE", "/v1/blobs/{id}", "id", "", at(EVERYTHING, 97, 3)),
            new HttpRule("PATCH", "/v1/blobs/{id}:touch", "id", "", at(EVERYTHING, 97, 3))),
        download.httpRules());
    assertEquals(I64, svc.method("now").orElseThrow().response());
    assertEquals(ann("deprecated", "1"), svc.method("deprecated").orElseThrow().annotations());
    assertEquals(List.of(), svc.method("deprecated").orElseThrow().httpRules());
  }

  @Test
  void warehouseMethodsMapTheirAnnotationsToHttpRules() {
    ServiceDef svc = warehouse.requireService("warehouse.Warehouse");
    MethodDef get = svc.method("getItem").orElseThrow();
    assertEquals(List.of(new HttpRule("GET", "/v1/items/{sku}", "", "", at(WAREHOUSE, 24, 3))), get.httpRules());
    assertEquals(ann("http.get", "/v1/items/{sku}", "grpc.code", "NOT_FOUND"), get.annotations());
    assertEquals(TypeRef.named("warehouse.Item", TypeRef.NamedKind.STRUCT), get.response());
    assertEquals(List.of("notFound"), get.exceptions().stream().map(FieldDef::name).toList());
    assertEquals(List.of(new HttpRule("PUT", "/v1/items/{item.sku}", "item", "", at(WAREHOUSE, 26, 3))),
        svc.method("putItem").orElseThrow().httpRules());
    assertEquals(List.of(field(1, "skus", TypeRef.listOf(STRING), Requiredness.DEFAULT, null, Annotations.NONE, at(WAREHOUSE, 27, 21))),
        warehouse.requireStruct("warehouse.Warehouse.touch_args").fields());
  }

  @Test
  void theSchemaHoldsEveryDefinitionOfEveryLoadedFile() {
    assertEquals(List.of("shared.Money", "shared.NotFound", "shared.BaseService.ping_args", "shared.BaseService.version_args",
            "everything.Point", "everything.Shape", "everything.Legacy", "everything.Value", "everything.Invalid",
            "everything.Base.reset_args", "everything.Middle.healthy_args", "everything.Everything.draw_args",
            "everything.Everything.fire_args", "everything.Everything.lookup_args", "everything.Everything.download_args",
            "everything.Everything.now_args", "everything.Everything.deprecated_args"),
        everything.structs().stream().map(StructDef::qualifiedName).toList());
    assertEquals(List.of("shared.Status", "everything.Color"), everything.enums().stream().map(EnumDef::qualifiedName).toList());
    assertEquals(List.of("shared.BaseService", "everything.Base", "everything.Middle", "everything.Everything"),
        everything.services().stream().map(ServiceDef::qualifiedName).toList());
  }
}
