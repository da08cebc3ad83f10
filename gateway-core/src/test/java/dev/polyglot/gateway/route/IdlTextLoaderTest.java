package dev.polyglot.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdlTextLoaderTest {
  static final String SHARED = """
      namespace java acme.shared
      struct Money { 1: i64 cents, 2: string currency }
      """;
  static final String WAREHOUSE = """
      include "common/shared.thrift"
      struct Item { 1: string sku, 2: shared.Money price }
      service Warehouse {
        Item getItem(1: string sku) (cache.ttl = "30s")
      }
      """;
  static final String PROTO = """
      syntax = "proto3";
      package acme.warehouse.v1;
      message GetItemRequest { string sku = 1; }
      message Item { string sku = 1; }
      service WarehouseService { rpc GetItem(GetItemRequest) returns (Item); }
      """;

  @Test
  void idlTextHeldInMemoryLoadsWithIncludesResolvedAmongTheNames() throws IdlException {
    Schema schema = SchemaLoader.idlLoader().load(Map.of("common/shared.thrift", SHARED, "warehouse.thrift", WAREHOUSE, "acme/warehouse.proto", PROTO));

    assertEquals(IdlKind.THRIFT, schema.requireService("warehouse.Warehouse").idl());
    assertEquals(IdlKind.PROTO, schema.requireService("acme.warehouse.v1.WarehouseService").idl());
    assertEquals("30s", schema.requireService("Warehouse").method("getItem").orElseThrow().annotations().get("cache.ttl").orElseThrow());
    assertEquals(java.util.List.of("acme/warehouse.proto", "common/shared.thrift", "warehouse.thrift"),
        schema.files().stream().map(dev.polyglot.idl.IdlFile::path).filter(p -> !p.startsWith("google/")).sorted().toList());
    assertEquals(java.util.List.of("common/shared.thrift"), schema.files().stream().filter(f -> f.path().equals("warehouse.thrift")).findFirst().orElseThrow().includes());
  }

  @Test
  void problemsAreLocatedByTheSourceNamesNotTheTemporaryFiles() {
    IdlException e = assertThrows(IdlException.class, () -> SchemaLoader.idlLoader().load(Map.of("warehouse.thrift", "struct Item { 1: Nope sku }\n")));

    assertEquals("warehouse.thrift:1:18: unknown type 'Nope' (expected: a base type, a container, or a struct, union, exception, enum or typedef in scope)",
        e.getMessage());
  }

  @Test
  void aNameThatCouldEscapeItsFolderIsRefused() {
    IdlException e = assertThrows(IdlException.class, () -> SchemaLoader.idlLoader().load(Map.of("../evil.thrift", "", "/abs.proto", "")));

    assertEquals("""
        ../evil.thrift:1:1: bad IDL file name (expected: a relative path like acme/v1/warehouse.proto, without .. or \\)
        /abs.proto:1:1: bad IDL file name (expected: a relative path like acme/v1/warehouse.proto, without .. or \\)""", e.getMessage());
  }
}
