package dev.polyglot.idl.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StructDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the test protos with the real {@code protoc} and loads its descriptor sets. */
class ProtocDescriptorSetTest {
  static final Path ROOT = Path.of(ProtoLoaderTest.ROOT);
  static final List<String> BUILT_IN = List.of(
      "google/protobuf/any.proto", "google/protobuf/descriptor.proto", "google/protobuf/empty.proto",
      "google/protobuf/struct.proto", "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto",
      "google/api/annotations.proto", "google/api/http.proto");

  @TempDir static Path work;
  static Path protoc;
  static Path includes;

  @BeforeAll
  static void prepareProtoc() throws IOException {
    String configured = System.getProperty("protoc.path");
    if (configured == null) throw new IllegalStateException("system property protoc.path is not set (run the tests with Maven)");
    protoc = Path.of(configured);
    if (!protoc.toFile().canExecute() && !protoc.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + protoc + " executable");
    }
    // protoc's Maven artifact is the bare binary: give it the built-in imports from our classpath.
    includes = Files.createDirectories(work.resolve("includes"));
    for (String name : BUILT_IN) {
      try (InputStream in = ProtocDescriptorSetTest.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) throw new IllegalStateException(name + " is not on the test classpath");
        Path target = includes.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      }
    }
  }

  static Path compile(String out, List<String> flags, String... files) throws Exception {
    return compileIn(ROOT, out, flags, files);
  }

  static Path compileIn(Path folder, String out, List<String> flags, String... files) throws Exception {
    Path set = work.resolve(out);
    List<String> command = new ArrayList<>(List.of(protoc.toString(), "-Ishared", "-Imain", "-I" + includes, "-I.", "--descriptor_set_out=" + set));
    command.addAll(flags);
    command.addAll(List.of(files));
    Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("protoc did not finish");
    assertEquals(0, p.exitValue(), output);
    return set;
  }

  /**
   * Every definition by qualified name, printed with all its components. Text input names files
   * as found under the import paths, protoc by import name: that prefix is the only difference.
   */
  static Map<String, String> definitions(Schema schema) {
    Map<String, String> out = new TreeMap<>();
    for (StructDef s : schema.structs()) out.put("struct " + s.qualifiedName(), relative(s.toString()));
    for (EnumDef e : schema.enums()) out.put("enum " + e.qualifiedName(), relative(e.toString()));
    for (ServiceDef s : schema.services()) out.put("service " + s.qualifiedName(), relative(s.toString()));
    for (IdlFile f : schema.files()) {
      out.put("file " + relative(f.path()), relative(String.join("|", f.scope(), f.includes().toString(), f.structs().toString(),
          f.enums().toString(), f.services().toString(), f.namespaces().toString(), f.typedefs().toString(), f.constants().toString())));
    }
    return out;
  }

  static String relative(String s) {
    return s.replace(ProtoLoaderTest.ROOT + "/main/", "").replace(ProtoLoaderTest.ROOT + "/shared/", "");
  }

  @Test
  void aProtocDescriptorSetGivesTheSameModelAsTheProtoText() throws Exception {
    Path set = compile("all.pb", List.of("--include_imports", "--include_source_info"),
        "main/acme/shop/v1/shop.proto", "main/acme/legacy/legacy.proto");
    Schema fromSet = ProtoLoader.load(List.of(), List.of(set), List.of());
    Map<String, String> expected = definitions(loadText());
    assertEquals(expected, definitions(fromSet));
    assertEquals(SourceLocation.of("acme/shop/v1/shop.proto", 26, 3),
        fromSet.requireStruct("acme.shop.v1.Item").fieldByName("display_name").orElseThrow().location());
    assertEquals("title", fromSet.requireStruct("acme.shop.v1.Item").fieldByName("display_name").orElseThrow().jsonName());
  }

  static Schema loadText() throws IdlException {
    return ProtoLoader.load(List.of(Path.of(ProtoLoaderTest.SHOP), Path.of(ProtoLoaderTest.LEGACY)), List.of(),
        List.of(ROOT.resolve("shared"), ROOT.resolve("main")));
  }

  @Test
  void aSetWithoutSourceInfoPlacesDefinitionsAtLineZeroOfTheirFile() throws Exception {
    Path set = compile("legacy.pb", List.of(), "main/acme/legacy/legacy.proto");
    Schema schema = ProtoLoader.load(List.of(), List.of(set), List.of());
    assertEquals(SourceLocation.of("acme/legacy/legacy.proto", 0, 0), schema.requireStruct("acme.legacy.Order").location());
    assertEquals(List.of("acme/legacy/legacy.proto"), schema.files().stream().map(IdlFile::path).toList());
  }

  @Test
  void wellKnownImportsMissingFromASetAreBuiltIn() throws Exception {
    Path set = compile("shop-only.pb", List.of(), "main/acme/shop/v1/shop.proto");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(), List.of(set), List.of()));
    // Only the user's own import is missing; google/api and google/protobuf files resolve to built-ins.
    assertEquals("acme/shop/v1/shop.proto:0:0: import \"acme/common/v1/money.proto\" not found in the descriptor sets"
        + " (expected: a set written with protoc --include_imports)", e.getMessage());
  }

  @Test
  void aSetAndItsMissingImportGivenAsTextLoadTogether() throws Exception {
    Path set = compile("shop-only2.pb", List.of(), "main/acme/shop/v1/shop.proto");
    Schema schema = ProtoLoader.load(List.of(ROOT.resolve("shared/acme/common/v1/money.proto")), List.of(set), List.of(ROOT.resolve("shared")));
    assertEquals("acme.common.v1.Money", schema.requireStruct("acme.shop.v1.Item").fieldByName("price").orElseThrow().type().display());
    assertEquals(SourceLocation.of(ProtoLoaderTest.MONEY, 8, 1), schema.requireStruct("acme.common.v1.Money").location());
  }

  @Test
  void aGroupFieldCompiledByProtocIsReportedAsUnsupported() throws Exception {
    Path folder = Files.createDirectories(work.resolve("group"));
    Files.writeString(folder.resolve("grp.proto"),
        "syntax = \"proto2\";\npackage g;\nmessage A {\n  optional group Result = 1 {\n    optional string url = 2;\n  }\n}\n");
    Path set = compileIn(folder, "group.pb", List.of("--include_source_info"), "grp.proto");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(), List.of(set), List.of()));
    assertEquals("grp.proto:4:3: group field result in message g.A is not supported (expected: a field of a nested message type)",
        e.getMessage());
  }

  @Test
  void aDescriptorThatProtobufJavaRejectsIsReportedWithItsReason() throws Exception {
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder()
        .setName("hand/made.proto").setPackage("h").setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("A").addField(FieldDescriptorProto.newBuilder()
            .setName("x").setNumber(1).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
            .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".h.Nope"))))
        .build();
    Path file = Files.write(work.resolve("hand.pb"), set.toByteArray());
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(), List.of(file), List.of()));
    assertEquals("hand/made.proto:0:0: \".h.Nope\" is not defined.", e.getMessage());
  }

  @Test
  void bytesThatAreNotADescriptorSetAreReported() throws Exception {
    Path junk = Files.writeString(work.resolve("junk.pb"), "not a descriptor set");
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(), List.of(junk), List.of()));
    assertEquals(junk + ":1:1: not a descriptor set (expected: the output of protoc --descriptor_set_out): "
        + "Protocol message tag had invalid wire type.", e.getMessage());
  }

  @Test
  void anEmptyDescriptorSetIsReported() throws Exception {
    Path empty = Files.write(work.resolve("empty.pb"), new byte[0]);
    IdlException e = assertThrows(IdlException.class, () -> ProtoLoader.load(List.of(), List.of(empty), List.of()));
    assertEquals(empty + ":1:1: descriptor set is empty (expected: the output of protoc --descriptor_set_out)", e.getMessage());
  }
}
