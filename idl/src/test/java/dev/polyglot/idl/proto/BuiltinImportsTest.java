package dev.polyglot.idl.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.SourceLocation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinImportsTest {
  @TempDir Path dir;

  static final String SERVICE = """
      syntax = "proto3";
      package v;
      import "google/api/annotations.proto";
      import "google/protobuf/type.proto";
      import "google/rpc/status.proto";
      message Req { string name = 1; google.protobuf.Type type = 2; google.rpc.Status status = 3; }
      service S {
        rpc Get(Req) returns (Req) {
          option (google.api.http) = { get: "/v1/{name=things/*}" };
        }
      }
      """;

  @Test
  void typeApiAndRpcStatusProtosAreImportableWithoutShippingThem() throws Exception {
    Path file = Files.writeString(dir.resolve("v.proto"), SERVICE);
    Schema schema = ProtoLoader.load(List.of(file), List.of(), List.of());
    assertEquals("google.protobuf.Type", schema.requireStruct("v.Req").fieldByName("type").orElseThrow().type().display());
    assertEquals("google.rpc.Status", schema.requireStruct("v.Req").fieldByName("status").orElseThrow().type().display());
    assertEquals(List.of("name", "fields", "oneofs", "options", "source_context", "syntax", "edition"),
        schema.requireStruct("google.protobuf.Type").fields().stream().map(f -> f.name()).toList());
  }

  @Test
  void vendoredCopiesOfGoogleApiProtosOnAnImportPathWinWithoutAnAmbiguity() throws Exception {
    Path vendor = dir.resolve("vendor");
    for (String name : List.of("google/api/annotations.proto", "google/api/http.proto")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
        Path target = vendor.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
    Path file = Files.writeString(dir.resolve("v.proto"), SERVICE);
    Schema schema = ProtoLoader.load(List.of(file), List.of(), List.of(vendor));
    assertEquals(List.of(new HttpRule("GET", "/v1/{name=things/*}", "", "", SourceLocation.of(dir + "/v.proto", 8, 3))),
        schema.requireService("v.S").method("Get").orElseThrow().httpRules());
    // Built-in import names always resolve to protobuf-java's generated descriptors, vendored or not.
    assertEquals(List.of("google/api/annotations.proto", "google/protobuf/type.proto", "google/rpc/status.proto"),
        schema.files().stream().filter(f -> f.path().endsWith("v.proto")).findFirst().orElseThrow().includes());
  }
}
