package dev.polyglot.idl.thrift;

import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * The unlinked syntax tree of one Thrift file, as written: type and constant references are still
 * names. Nodes are compared by identity in the linker (its caches are identity maps).
 */
final class ThriftAst {
  private ThriftAst() {}

  /** {@code name} is a base type keyword, a (possibly dotted) identifier, or list/set/map with {@code args}. */
  record TypeNode(String name, List<TypeNode> args, Map<String, String> annotations, SourceLocation location) {}

  sealed interface ValueNode permits IntLit, DoubleLit, StringLit, IdentRef, ListLit, MapLit, InvalidLit {
    SourceLocation location();
  }

  record IntLit(long value, String text, SourceLocation location) implements ValueNode {}

  record DoubleLit(double value, String text, SourceLocation location) implements ValueNode {}

  record StringLit(String value, SourceLocation location) implements ValueNode {}

  record IdentRef(String name, SourceLocation location) implements ValueNode {}

  /** A malformed literal, already reported by the lexer; the linker stays silent about it. */
  record InvalidLit(SourceLocation location) implements ValueNode {}

  record ListLit(List<ValueNode> elements, SourceLocation location) implements ValueNode {}

  record MapEntryNode(ValueNode key, ValueNode value) {}

  record MapLit(List<MapEntryNode> entries, SourceLocation location) implements ValueNode {}

  /** @param id the declared id as written (range checked by the linker), or null when omitted */
  record FieldNode(
      Long id,
      Requiredness requiredness,
      TypeNode type,
      String name,
      ValueNode defaultValue,
      Map<String, String> annotations,
      SourceLocation location,
      SourceLocation idLocation) {}

  sealed interface Definition permits StructNode, EnumNode, TypedefNode, ConstNode, ServiceNode {
    String name();

    SourceLocation location();
  }

  enum StructKeyword { STRUCT, UNION, EXCEPTION }

  record StructNode(StructKeyword keyword, String name, List<FieldNode> fields, Map<String, String> annotations, SourceLocation location)
      implements Definition {}

  /** @param value the declared number, or null when implicit */
  record EnumValueNode(String name, Long value, Map<String, String> annotations, SourceLocation location, SourceLocation valueLocation) {}

  record EnumNode(String name, List<EnumValueNode> values, Map<String, String> annotations, SourceLocation location) implements Definition {}

  record TypedefNode(TypeNode type, String name, Map<String, String> annotations, SourceLocation location) implements Definition {}

  record ConstNode(TypeNode type, String name, ValueNode value, SourceLocation location) implements Definition {}

  /** @param returnType null for void */
  record FunctionNode(
      boolean oneway,
      TypeNode returnType,
      String name,
      List<FieldNode> args,
      List<FieldNode> throwsFields,
      SourceLocation throwsLocation,
      Map<String, String> annotations,
      SourceLocation location) {}

  record ServiceNode(
      String name,
      String extendsName,
      SourceLocation extendsLocation,
      List<FunctionNode> functions,
      Map<String, String> annotations,
      SourceLocation location) implements Definition {}

  record IncludeNode(String path, SourceLocation location) {}

  /**
   * @param brokenNames names of definitions dropped after a syntax error; references to them are not
   *     reported again as unknown
   */
  record Document(
      List<IncludeNode> includes,
      Map<String, String> namespaces,
      List<Definition> definitions,
      java.util.Set<String> brokenNames) {}
}
