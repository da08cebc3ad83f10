package dev.polyglot.idl.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TimestampProto;
import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.ConstValue;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.OneofDef;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtoLoaderTest {
  static final String ROOT = "src/test/resources/proto";
  static final String SHOP = ROOT + "/main/acme/shop/v1/shop.proto";
  static final String LEGACY = ROOT + "/main/acme/legacy/legacy.proto";
  static final String MONEY = ROOT + "/shared/acme/common/v1/money.proto";

  static Schema schema;

  @BeforeAll
  static void load() throws Exception {
    schema = ProtoLoader.load(
        List.of(Path.of(SHOP), Path.of(LEGACY)), List.of(), List.of(Path.of(ROOT, "shared"), Path.of(ROOT, "main")));
  }

  static SourceLocation at(String file, int line, int column) {
    return SourceLocation.of(file, line, column);
  }

  static FieldDef field(String message, String name) {
    return schema.requireStruct(message).fieldByName(name).orElseThrow();
  }

  @Test
  void filesListTheGivenFilesAndEveryImportIncludingBuiltInOnes() {
    List<String> paths = schema.files().stream().map(IdlFile::path).toList();
    assertEquals(List.of(
        "google/protobuf/descriptor.proto",
        MONEY,
        "google/api/http.proto",
        "google/api/annotations.proto",
        "google/protobuf/any.proto",
        "google/protobuf/empty.proto",
        "google/protobuf/struct.proto",
        "google/protobuf/timestamp.proto",
        "google/protobuf/wrappers.proto",
        SHOP,
        LEGACY), paths);
  }

  @Test
  void aFileRecordsItsPackageImportsDeclarationsAndDescriptor() throws Exception {
    IdlFile shop = schema.files().stream().filter(f -> f.path().equals(SHOP)).findFirst().orElseThrow();
    assertEquals(IdlKind.PROTO, shop.idl());
    assertEquals("acme.shop.v1", shop.scope());
    assertEquals(List.of(MONEY, "google/api/annotations.proto", "google/protobuf/any.proto", "google/protobuf/empty.proto",
        "google/protobuf/struct.proto", "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto"), shop.includes());
    assertEquals(List.of("acme.shop.v1.Item", "acme.shop.v1.Item.Dimensions", "acme.shop.v1.Item.StockByWarehouseEntry",
        "acme.shop.v1.GetItemRequest", "acme.shop.v1.ListItemsRequest", "acme.shop.v1.ItemChunk"), shop.structs());
    assertEquals(List.of("acme.shop.v1.Item.Status"), shop.enums());
    assertEquals(List.of("acme.shop.v1.ItemService"), shop.services());
    assertEquals(Map.of(), shop.namespaces());
    FileDescriptorProto proto = FileDescriptorProto.parseFrom(shop.descriptor());
    assertEquals("acme/shop/v1/shop.proto", proto.getName());
    assertEquals("acme.shop.v1", proto.getPackage());
    assertEquals("title", proto.getMessageType(0).getField(1).getJsonName());
  }

  @Test
  void wellKnownTypesAreTheGeneratedDescriptorsOfProtobufJava() throws Exception {
    IdlFile timestamp = schema.files().stream().filter(f -> f.path().equals("google/protobuf/timestamp.proto")).findFirst().orElseThrow();
    assertArrayEquals(TimestampProto.getDescriptor().toProto().toByteArray(), timestamp.descriptor());
    StructDef ts = schema.requireStruct("google.protobuf.Timestamp");
    assertEquals(List.of("seconds", "nanos"), ts.fields().stream().map(FieldDef::name).toList());
    assertEquals(at("google/protobuf/timestamp.proto", 0, 0), ts.location());
    for (String name : List.of("google.protobuf.Empty", "google.protobuf.Any", "google.protobuf.Struct",
        "google.protobuf.Value", "google.protobuf.ListValue", "google.protobuf.StringValue", "google.protobuf.Int64Value")) {
      assertTrue(schema.struct(name).isPresent(), name);
    }
    assertEquals(List.of("NULL_VALUE"), schema.requireEnum("google.protobuf.NullValue").values().stream().map(EnumValueDef::name).toList());
  }

  @Test
  void theDescriptorOfAUserFileBuildsWithProtobufJava() throws Exception {
    IdlFile money = schema.files().stream().filter(f -> f.path().equals(MONEY)).findFirst().orElseThrow();
    FileDescriptor fd = FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(money.descriptor()),
        new FileDescriptor[] {com.google.protobuf.DescriptorProtos.getDescriptor()});
    assertEquals("acme.common.v1.Money", fd.getMessageTypes().get(0).getFullName());
    assertEquals(List.of("cacheable", "unit"), fd.getExtensions().stream().map(e -> e.getName()).toList());
  }

  @Test
  void aProto3MessageMapsEveryFieldKind() {
    StructDef item = schema.requireStruct("acme.shop.v1.Item");
    assertEquals("Item", item.name());
    assertEquals(IdlKind.PROTO, item.idl());
    assertEquals(StructKind.MESSAGE, item.kind());
    assertFalse(item.mapEntry());
    assertEquals(Annotations.NONE, item.annotations());
    assertEquals(at(SHOP, 13, 1), item.location());
    String m = "acme.shop.v1.Item";
    Annotations none = Annotations.NONE;
    Annotations deprecated = Annotations.of(Map.of("deprecated", "true"));
    assertEquals(List.of(
        new FieldDef(1, "sku", "sku", TypeRef.of(Scalar.STRING), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 25, 3)),
        new FieldDef(2, "display_name", "title", TypeRef.of(Scalar.STRING), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 26, 3)),
        new FieldDef(3, "price", "price", TypeRef.named("acme.common.v1.Money", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, -1, false, none, at(SHOP, 27, 3)),
        new FieldDef(4, "tags", "tags", TypeRef.listOf(TypeRef.of(Scalar.STRING)), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 28, 3)),
        new FieldDef(5, "stock_by_warehouse", "stockByWarehouse", TypeRef.mapOf(TypeRef.of(Scalar.STRING), TypeRef.of(Scalar.INT32)), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 29, 3)),
        new FieldDef(6, "dims", "dims", TypeRef.named(m + ".Dimensions", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, -1, false, none, at(SHOP, 30, 3)),
        new FieldDef(7, "status", "status", TypeRef.named(m + ".Status", TypeRef.NamedKind.ENUM), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 31, 3)),
        new FieldDef(8, "rating", "rating", TypeRef.of(Scalar.INT32), Requiredness.OPTIONAL, true, null, -1, false, none, at(SHOP, 32, 3)),
        new FieldDef(9, "supplier_id", "supplierId", TypeRef.of(Scalar.STRING), Requiredness.DEFAULT, true, null, 0, false, none, at(SHOP, 34, 5)),
        new FieldDef(10, "external", "external", TypeRef.named("google.protobuf.Any", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, 0, false, none, at(SHOP, 35, 5)),
        new FieldDef(11, "updated_at", "updatedAt", TypeRef.named("google.protobuf.Timestamp", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, -1, false, none, at(SHOP, 37, 3)),
        new FieldDef(12, "attributes", "attributes", TypeRef.named("google.protobuf.Struct", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, -1, false, none, at(SHOP, 38, 3)),
        new FieldDef(13, "note", "note", TypeRef.named("google.protobuf.StringValue", TypeRef.NamedKind.STRUCT), Requiredness.DEFAULT, true, null, -1, false, none, at(SHOP, 39, 3)),
        new FieldDef(14, "sizes", "sizes", TypeRef.listOf(TypeRef.of(Scalar.INT64)), Requiredness.DEFAULT, false, null, -1, true, none, at(SHOP, 40, 3)),
        new FieldDef(15, "unpacked_codes", "unpackedCodes", TypeRef.listOf(TypeRef.of(Scalar.INT32)), Requiredness.DEFAULT, false, null, -1, false, none, at(SHOP, 41, 3)),
        new FieldDef(16, "old_code", "oldCode", TypeRef.of(Scalar.INT32), Requiredness.DEFAULT, false, null, -1, false, deprecated, at(SHOP, 42, 3))),
        item.fields());
  }

  @Test
  void onlyRealOneofsAreExposedWithTheirMemberIndexes() {
    assertEquals(List.of(new OneofDef("source", List.of(8, 9), at(SHOP, 33, 3))), schema.requireStruct("acme.shop.v1.Item").oneofs());
  }

  @Test
  void aMapFieldKeepsItsSyntheticEntryMessageButNoFieldRefersToIt() {
    StructDef entry = schema.requireStruct("acme.shop.v1.Item.StockByWarehouseEntry");
    assertTrue(entry.mapEntry());
    assertEquals(Annotations.NONE, entry.annotations());
    assertEquals(List.of(
        new FieldDef(1, "key", "key", TypeRef.of(Scalar.STRING), Requiredness.DEFAULT, false, null, -1, false, Annotations.NONE, at(SHOP, 0, 0)),
        new FieldDef(2, "value", "value", TypeRef.of(Scalar.INT32), Requiredness.DEFAULT, false, null, -1, false, Annotations.NONE, at(SHOP, 0, 0))),
        entry.fields());
    for (StructDef s : schema.structs()) {
      for (FieldDef f : s.fields()) {
        assertFalse(f.type().display().contains("StockByWarehouseEntry"), s.qualifiedName() + "." + f.name());
      }
    }
  }

  @Test
  void nestedTypesAreQualifiedByTheirOuterMessage() {
    StructDef dims = schema.requireStruct("acme.shop.v1.Item.Dimensions");
    assertEquals("Dimensions", dims.name());
    assertEquals(at(SHOP, 20, 3), dims.location());
    assertEquals(Annotations.of(Map.of("acme.common.v1.unit", "cm")), field("acme.shop.v1.Item.Dimensions", "height_cm").annotations());
    EnumDef status = schema.requireEnum("acme.shop.v1.Item.Status");
    assertEquals(new EnumDef("acme.shop.v1.Item.Status", "Status", IdlKind.PROTO, List.of(
        new EnumValueDef("STATUS_UNSPECIFIED", 0, Annotations.NONE, at(SHOP, 15, 5)),
        new EnumValueDef("STATUS_ACTIVE", 1, Annotations.NONE, at(SHOP, 16, 5)),
        new EnumValueDef("STATUS_RETIRED", 2, Annotations.of(Map.of("deprecated", "true")), at(SHOP, 17, 5))),
        Annotations.NONE, at(SHOP, 14, 3)), status);
  }

  @Test
  void aServiceHasAllFourStreamingKindsHttpRulesAndOptions() {
    ServiceDef service = schema.requireService("acme.shop.v1.ItemService");
    assertEquals("ItemService", service.name());
    assertNull(service.extendsService());
    assertEquals(at(SHOP, 57, 1), service.location());
    assertEquals(service, schema.requireService("ItemService"));
    String s = "acme.shop.v1.ItemService";
    TypeRef.Named item = TypeRef.named("acme.shop.v1.Item", TypeRef.NamedKind.STRUCT);
    TypeRef.Named empty = TypeRef.named("google.protobuf.Empty", TypeRef.NamedKind.STRUCT);
    assertEquals(List.of(
        new MethodDef("GetItem", s, StreamingKind.UNARY, false, TypeRef.named("acme.shop.v1.GetItemRequest", TypeRef.NamedKind.STRUCT), item,
            List.of(), List.of(
                new HttpRule("GET", "/v1/items/{sku}", "", "", at(SHOP, 58, 3)),
                new HttpRule("GET", "/v1/skus/{sku}", "", "", at(SHOP, 58, 3)),
                new HttpRule("POST", "/v1/items:get", "*", "", at(SHOP, 58, 3))),
            Annotations.of(Map.of("acme.common.v1.cacheable", "true")), at(SHOP, 58, 3)),
        new MethodDef("PutItem", s, StreamingKind.UNARY, false, item, empty,
            List.of(), List.of(new HttpRule("PURGE", "/v1/items/{sku}", "dims", "", at(SHOP, 66, 3))), Annotations.NONE, at(SHOP, 66, 3)),
        new MethodDef("ListItems", s, StreamingKind.SERVER_STREAMING, false, TypeRef.named("acme.shop.v1.ListItemsRequest", TypeRef.NamedKind.STRUCT),
            TypeRef.named("acme.shop.v1.ItemChunk", TypeRef.NamedKind.STRUCT),
            List.of(), List.of(new HttpRule("GET", "/v1/items", "", "items", at(SHOP, 73, 3))), Annotations.NONE, at(SHOP, 73, 3)),
        new MethodDef("UploadItems", s, StreamingKind.CLIENT_STREAMING, false, item, empty, List.of(), List.of(), Annotations.NONE, at(SHOP, 76, 3)),
        new MethodDef("SyncItems", s, StreamingKind.BIDI_STREAMING, false, item, item, List.of(), List.of(),
            Annotations.of(Map.of("deprecated", "true")), at(SHOP, 77, 3))),
        service.methods());
  }

  @Test
  void proto2FieldsKeepRequirednessPresenceDefaultsAndPacking() {
    String o = "acme.legacy.Order";
    Annotations none = Annotations.NONE;
    assertEquals(List.of(
        new FieldDef(1, "id", "id", TypeRef.of(Scalar.INT64), Requiredness.REQUIRED, true, null, -1, false, none, at(LEGACY, 14, 3)),
        new FieldDef(2, "note", "note", TypeRef.of(Scalar.STRING), Requiredness.OPTIONAL, true, new ConstValue.StringValue("none"), -1, false, none, at(LEGACY, 15, 3)),
        new FieldDef(3, "color", "color", TypeRef.named("acme.legacy.Color", TypeRef.NamedKind.ENUM), Requiredness.OPTIONAL, true,
            new ConstValue.EnumRef("acme.legacy.Color", "GREEN", 2), -1, false, none, at(LEGACY, 16, 3)),
        new FieldDef(4, "weight", "weight", TypeRef.of(Scalar.DOUBLE), Requiredness.OPTIONAL, true, new ConstValue.DoubleValue(1.5), -1, false, none, at(LEGACY, 17, 3)),
        new FieldDef(5, "gift", "gift", TypeRef.of(Scalar.BOOL), Requiredness.OPTIONAL, true, new ConstValue.BoolValue(true), -1, false, none, at(LEGACY, 18, 3)),
        new FieldDef(6, "count", "count", TypeRef.of(Scalar.INT32), Requiredness.OPTIONAL, true, null, -1, false, none, at(LEGACY, 19, 3)),
        new FieldDef(7, "packed_codes", "packedCodes", TypeRef.listOf(TypeRef.of(Scalar.INT32)), Requiredness.DEFAULT, false, null, -1, true, none, at(LEGACY, 20, 3)),
        new FieldDef(8, "codes", "codes", TypeRef.listOf(TypeRef.of(Scalar.INT32)), Requiredness.DEFAULT, false, null, -1, false, none, at(LEGACY, 21, 3)),
        new FieldDef(9, "blob", "blob", TypeRef.of(Scalar.BINARY), Requiredness.OPTIONAL, true, new ConstValue.StringValue("ab"), -1, false, none, at(LEGACY, 22, 3)),
        new FieldDef(10, "delta", "delta", TypeRef.of(Scalar.SINT64), Requiredness.OPTIONAL, true, new ConstValue.IntValue(-7), -1, false, none, at(LEGACY, 23, 3)),
        new FieldDef(11, "parent", "parent", TypeRef.named(o, TypeRef.NamedKind.STRUCT), Requiredness.OPTIONAL, true, null, -1, false, none, at(LEGACY, 24, 3)),
        new FieldDef(12, "card", "card", TypeRef.of(Scalar.STRING), Requiredness.OPTIONAL, true, null, 0, false, none, at(LEGACY, 26, 5)),
        new FieldDef(13, "voucher", "voucher", TypeRef.of(Scalar.UINT64), Requiredness.OPTIONAL, true, null, 0, false, none, at(LEGACY, 27, 5))),
        schema.requireStruct(o).fields());
    assertEquals(List.of(new OneofDef("payment", List.of(11, 12), at(LEGACY, 25, 3))), schema.requireStruct(o).oneofs());
  }

  @Test
  void fieldsKeepDeclarationOrderAroundAOneofAndOneofIndexesFollowIt() {
    StructDef shuffled = schema.requireStruct("acme.legacy.Shuffled");
    assertEquals(List.of(3, 2, 6, 1, 5, 4), shuffled.fields().stream().map(FieldDef::id).toList());
    assertEquals(List.of(new OneofDef("pick", List.of(1, 2), at(LEGACY, 34, 3))), shuffled.oneofs());
    assertEquals(List.of(-1, 0, 0, -1, -1, -1), shuffled.fields().stream().map(FieldDef::oneofIndex).toList());
    assertEquals(TypeRef.mapOf(TypeRef.of(Scalar.STRING), TypeRef.named("acme.legacy.Order", TypeRef.NamedKind.STRUCT)),
        shuffled.fieldById(5).orElseThrow().type());
  }

  @Test
  void theIdlLoaderHandsProtoFilesAndIncludePathsToThisLoader() throws Exception {
    Schema viaIdlLoader = dev.polyglot.idl.IdlLoader.withIncludePaths(List.of(Path.of(ROOT, "shared"), Path.of(ROOT, "main")))
        .load(List.of(Path.of(SHOP)));
    assertEquals(List.of("GetItem", "PutItem", "ListItems", "UploadItems", "SyncItems"),
        viaIdlLoader.requireService("acme.shop.v1.ItemService").methods().stream().map(MethodDef::name).toList());
  }

  @Test
  void enumAliasesKeepTheirNumbersAndTheFirstNameWinsByNumber() {
    EnumDef color = schema.requireEnum("acme.legacy.Color");
    assertEquals(List.of(
        new EnumValueDef("RED", 1, Annotations.NONE, at(LEGACY, 7, 3)),
        new EnumValueDef("GREEN", 2, Annotations.NONE, at(LEGACY, 8, 3)),
        new EnumValueDef("VERDE", 2, Annotations.NONE, at(LEGACY, 9, 3)),
        new EnumValueDef("BLUE", -3, Annotations.NONE, at(LEGACY, 10, 3))), color.values());
    assertEquals(Annotations.of(Map.of("allow_alias", "true")), color.annotations());
    assertEquals("GREEN", color.byNumber(2).orElseThrow().name());
  }

  @Test
  void aFileOutsideEveryImportPathIsRootedAtItsOwnFolder() throws Exception {
    Schema only = ProtoLoader.load(List.of(Path.of(LEGACY)), List.of(), List.of());
    assertEquals(List.of(LEGACY), only.files().stream().map(IdlFile::path).toList());
    assertEquals("legacy.proto", FileDescriptorProto.parseFrom(only.files().get(0).descriptor()).getName());
    assertEquals(at(LEGACY, 13, 1), only.requireStruct("acme.legacy.Order").location());
  }

  @Test
  void noInputGivesAnEmptySchema() throws Exception {
    Schema empty = ProtoLoader.load(List.of(), List.of(), List.of());
    assertEquals(List.of(), empty.files());
    assertTrue(empty.structs().isEmpty());
  }
}
