package dev.polyglot.idl.thrift;

import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.thrift.ThriftAst.ConstNode;
import dev.polyglot.idl.thrift.ThriftAst.Definition;
import dev.polyglot.idl.thrift.ThriftAst.Document;
import dev.polyglot.idl.thrift.ThriftAst.DoubleLit;
import dev.polyglot.idl.thrift.ThriftAst.EnumNode;
import dev.polyglot.idl.thrift.ThriftAst.EnumValueNode;
import dev.polyglot.idl.thrift.ThriftAst.FieldNode;
import dev.polyglot.idl.thrift.ThriftAst.FunctionNode;
import dev.polyglot.idl.thrift.ThriftAst.IdentRef;
import dev.polyglot.idl.thrift.ThriftAst.IncludeNode;
import dev.polyglot.idl.thrift.ThriftAst.IntLit;
import dev.polyglot.idl.thrift.ThriftAst.ListLit;
import dev.polyglot.idl.thrift.ThriftAst.MapEntryNode;
import dev.polyglot.idl.thrift.ThriftAst.MapLit;
import dev.polyglot.idl.thrift.ThriftAst.ServiceNode;
import dev.polyglot.idl.thrift.ThriftAst.StringLit;
import dev.polyglot.idl.thrift.ThriftAst.StructKeyword;
import dev.polyglot.idl.thrift.ThriftAst.StructNode;
import dev.polyglot.idl.thrift.ThriftAst.TypeNode;
import dev.polyglot.idl.thrift.ThriftAst.TypedefNode;
import dev.polyglot.idl.thrift.ThriftAst.ValueNode;
import dev.polyglot.idl.thrift.ThriftLexer.Kind;
import dev.polyglot.idl.thrift.ThriftLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for one Thrift file. On a syntax error it records one problem, drops the
 * definition being parsed (remembering its name, if known, in {@link Document#brokenNames()}) and
 * resumes at the next top-level keyword, so that later definitions are still checked.
 */
final class ThriftParser {
  static final Set<String> TOP_LEVEL = Set.of(
      "include", "cpp_include", "namespace", "typedef", "const", "enum", "senum", "struct", "union", "exception", "service");

  private static final Set<String> RESERVED = Set.of(
      "include", "cpp_include", "namespace", "typedef", "const", "enum", "senum", "struct", "union", "exception", "service",
      "extends", "oneway", "throws", "required", "optional", "void", "list", "set", "map");

  /** Unwinds to the definition loop; carries no stack trace because it is control flow. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError() {
      super(null, null, false, false);
    }
  }

  private final String file;
  private final List<Token> tokens;
  private final List<Problem> problems;
  private int pos;
  private String currentName;

  private ThriftParser(String file, List<Token> tokens, List<Problem> problems) {
    this.file = file;
    this.tokens = tokens;
    this.problems = problems;
  }

  static Document parse(String file, String text, List<Problem> problems) {
    List<Token> tokens = ThriftLexer.tokenize(file, text, problems);
    return new ThriftParser(file, tokens, problems).document();
  }

  private Document document() {
    List<IncludeNode> includes = new ArrayList<>();
    Map<String, String> namespaces = new LinkedHashMap<>();
    List<Definition> definitions = new ArrayList<>();
    Set<String> broken = new HashSet<>();
    while (peek().kind() != Kind.EOF) {
      int start = pos;
      currentName = null;
      try {
        Token t = peek();
        switch (t.kind() == Kind.IDENT ? t.text() : "") {
          case "include" -> {
            next();
            Token p = expectString("the path of the included file in quotes");
            if (p.kind() == Kind.STRING) includes.add(new IncludeNode(p.text(), loc(t)));
            optionalSeparator();
          }
          case "cpp_include" -> {
            next();
            expectString("the C++ header path in quotes");
            optionalSeparator();
          }
          case "namespace" -> {
            next();
            Token lang = peek();
            String scope;
            if (lang.is("*")) {
              next();
              scope = "*";
            } else {
              scope = identifier("a language name or *").text();
            }
            Token ns = peek();
            if (ns.kind() == Kind.IDENT || ns.kind() == Kind.STRING) next();
            else throw error(ns, "a namespace name");
            namespaces.put(scope, ns.text());
            annotations();
            optionalSeparator();
          }
          case "typedef" -> definitions.add(typedef());
          case "const" -> definitions.add(constant());
          case "enum" -> definitions.add(enumeration());
          case "struct" -> definitions.add(struct(StructKeyword.STRUCT));
          case "union" -> definitions.add(struct(StructKeyword.UNION));
          case "exception" -> definitions.add(struct(StructKeyword.EXCEPTION));
          case "service" -> definitions.add(service());
          default -> throw error(t, "a definition: include, namespace, typedef, const, enum, struct, union, exception or service");
        }
      } catch (SyntaxError e) {
        if (currentName != null) broken.add(currentName);
        if (pos == start) pos++;
        while (peek().kind() != Kind.EOF && !(peek().kind() == Kind.IDENT && TOP_LEVEL.contains(peek().text()))) pos++;
      }
    }
    return new Document(includes, namespaces, definitions, broken);
  }

  private TypedefNode typedef() {
    Token kw = next();
    TypeNode type = type();
    Token name = definitionName();
    Map<String, String> ann = annotations();
    optionalSeparator();
    return new TypedefNode(type, name.text(), ann, loc(kw));
  }

  private ConstNode constant() {
    Token kw = next();
    TypeNode type = type();
    Token name = definitionName();
    expect("=", "'=' and the value of constant " + name.text());
    ValueNode value = value();
    optionalSeparator();
    return new ConstNode(type, name.text(), value, loc(kw));
  }

  private EnumNode enumeration() {
    Token kw = next();
    Token name = definitionName();
    expect("{", "'{' to open enum " + name.text());
    List<EnumValueNode> values = new ArrayList<>();
    while (!peek().is("}")) {
      Token v = identifier("an enum value name or '}'");
      Long number = null;
      SourceLocation numberLoc = null;
      if (peek().is("=")) {
        next();
        Token n = peek();
        if (n.kind() != Kind.INT) throw error(n, "an integer value for " + v.text());
        next();
        number = n.intValue();
        numberLoc = loc(n);
      }
      Map<String, String> ann = annotations();
      optionalSeparator();
      values.add(new EnumValueNode(v.text(), number, ann, loc(v), numberLoc));
    }
    next();
    Map<String, String> ann = annotations();
    optionalSeparator();
    return new EnumNode(name.text(), values, ann, loc(kw));
  }

  private StructNode struct(StructKeyword keyword) {
    Token kw = next();
    Token name = definitionName();
    if (peek().is("xsd_all")) next();
    expect("{", "'{' to open " + kw.text() + " " + name.text());
    List<FieldNode> fields = fields("}");
    Map<String, String> ann = annotations();
    optionalSeparator();
    return new StructNode(keyword, name.text(), fields, ann, loc(kw));
  }

  private ServiceNode service() {
    Token kw = next();
    Token name = definitionName();
    String extendsName = null;
    SourceLocation extendsLoc = null;
    if (peek().is("extends")) {
      next();
      Token base = identifier("the name of the base service");
      extendsName = base.text();
      extendsLoc = loc(base);
    }
    expect("{", "'{' to open service " + name.text());
    List<FunctionNode> functions = new ArrayList<>();
    while (!peek().is("}")) functions.add(function());
    next();
    Map<String, String> ann = annotations();
    optionalSeparator();
    return new ServiceNode(name.text(), extendsName, extendsLoc, functions, ann, loc(kw));
  }

  private FunctionNode function() {
    Token first = peek();
    boolean oneway = false;
    if (first.is("oneway")) {
      next();
      oneway = true;
    }
    TypeNode returnType = null;
    if (peek().is("void")) next();
    else if (peek().is("}")) throw error(peek(), "a method");
    else returnType = type();
    Token name = identifier("a method name");
    expect("(", "'(' to open the arguments of " + name.text());
    List<FieldNode> args = fields(")");
    List<FieldNode> throwsFields = List.of();
    SourceLocation throwsLoc = null;
    if (peek().is("throws")) {
      throwsLoc = loc(next());
      expect("(", "'(' after throws");
      throwsFields = fields(")");
    }
    Map<String, String> ann = annotations();
    optionalSeparator();
    return new FunctionNode(oneway, returnType, name.text(), args, throwsFields, throwsLoc, ann, loc(first));
  }

  /** Fields up to and including {@code close}. */
  private List<FieldNode> fields(String close) {
    List<FieldNode> fields = new ArrayList<>();
    while (!peek().is(close)) {
      Token first = peek();
      Long id = null;
      SourceLocation idLoc = null;
      if (first.kind() == Kind.INT) {
        next();
        if (!peek().is(":")) throw error(peek(), "':' after field id " + first.text());
        next();
        id = first.intValue();
        idLoc = loc(first);
      }
      Requiredness req = Requiredness.DEFAULT;
      if (peek().is("required")) {
        next();
        req = Requiredness.REQUIRED;
      } else if (peek().is("optional")) {
        next();
        req = Requiredness.OPTIONAL;
      }
      if (peek().is(close) || peek().kind() == Kind.EOF) throw error(peek(), "a field type");
      TypeNode type = type();
      Token name = identifier("a field name");
      ValueNode dflt = null;
      if (peek().is("=")) {
        next();
        dflt = value();
      }
      Map<String, String> ann = annotations();
      optionalSeparator();
      fields.add(new FieldNode(id, req, type, name.text(), dflt, ann, loc(first), idLoc));
    }
    next();
    return fields;
  }

  private TypeNode type() {
    Token t = peek();
    if (t.kind() != Kind.IDENT || (RESERVED.contains(t.text()) && !t.text().equals("list") && !t.text().equals("set") && !t.text().equals("map"))) {
      throw error(t, "a type");
    }
    next();
    List<TypeNode> args = List.of();
    switch (t.text()) {
      case "list", "set" -> {
        expect("<", "'<' after " + t.text());
        args = List.of(type());
        expect(">", "'>' to close " + t.text() + "<");
        cppType();
      }
      case "map" -> {
        cppType();
        expect("<", "'<' after map");
        TypeNode k = type();
        expect(",", "',' between the key and value types of map");
        TypeNode v = type();
        expect(">", "'>' to close map<");
        args = List.of(k, v);
      }
      default -> {}
    }
    return new TypeNode(t.text(), args, annotations(), loc(t));
  }

  /** Legacy {@code cpp_type "..."} on containers: accepted and ignored. */
  private void cppType() {
    if (peek().is("cpp_type")) {
      next();
      expectString("the C++ type in quotes");
    }
  }

  private ValueNode value() {
    Token t = peek();
    if (t.kind() == Kind.EOF) throw error(t, "a value: a number, a string, true/false, a constant or enum value, [list] or {map}");
    next();
    SourceLocation l = loc(t);
    switch (t.kind()) {
      case INT:
        return new IntLit(t.intValue(), t.text(), l);
      case DOUBLE:
        return new DoubleLit(t.doubleValue(), t.text(), l);
      case STRING:
        return new StringLit(t.text(), l);
      case IDENT:
        return new IdentRef(t.text(), l);
      case INVALID:
        return new ThriftAst.InvalidLit(l);
      default:
        break;
    }
    if (t.is("[")) {
      List<ValueNode> elements = new ArrayList<>();
      while (!peek().is("]")) {
        elements.add(value());
        optionalSeparator();
      }
      next();
      return new ListLit(elements, l);
    }
    if (t.is("{")) {
      List<MapEntryNode> entries = new ArrayList<>();
      while (!peek().is("}")) {
        ValueNode k = value();
        expect(":", "':' between a map key and its value");
        ValueNode v = value();
        optionalSeparator();
        entries.add(new MapEntryNode(k, v));
      }
      next();
      return new MapLit(entries, l);
    }
    pos--;
    throw error(t, "a value: a number, a string, true/false, a constant or enum value, [list] or {map}");
  }

  private Map<String, String> annotations() {
    if (!peek().is("(")) return Map.of();
    next();
    Map<String, String> out = new LinkedHashMap<>();
    while (!peek().is(")")) {
      Token key = identifier("an annotation name or ')'");
      String value = "1";
      if (peek().is("=")) {
        next();
        Token v = next();
        if (v.kind() == Kind.STRING || v.kind() == Kind.INT || v.kind() == Kind.DOUBLE || v.kind() == Kind.IDENT) value = v.text();
        else throw error(v, "an annotation value in quotes");
      }
      out.put(key.text(), value);
      optionalSeparator();
    }
    next();
    return out;
  }

  /**
   * A reserved word as a definition name is reported but accepted, because the keyword that follows
   * ({@code struct service}) would otherwise make recovery stop right there and report it twice.
   */
  private Token definitionName() {
    Token name = peek();
    if (name.kind() == Kind.IDENT && RESERVED.contains(name.text())) {
      problems.add(Problem.of(loc(name), "reserved word '" + name.text() + "' cannot be used as a name (expected: a name that is not a Thrift keyword)"));
      next();
    } else {
      name = identifier("a name");
    }
    currentName = name.text();
    return name;
  }

  private Token identifier(String what) {
    Token t = peek();
    if (t.kind() != Kind.IDENT || RESERVED.contains(t.text())) throw error(t, what);
    return next();
  }

  /** A string literal, or an already reported malformed one. */
  private Token expectString(String what) {
    Token t = peek();
    if (t.kind() != Kind.STRING && t.kind() != Kind.INVALID) throw error(t, what);
    return next();
  }

  private void expect(String symbol, String what) {
    Token t = peek();
    if (!t.is(symbol) || t.kind() != Kind.SYMBOL) throw error(t, what);
    next();
  }

  private void optionalSeparator() {
    if (peek().is(",") || peek().is(";")) next();
  }

  private SyntaxError error(Token t, String expected) {
    String found = t.kind() == Kind.IDENT && RESERVED.contains(t.text()) ? "reserved word " + t.describe() : t.describe();
    problems.add(Problem.of(loc(t), "unexpected " + found + " (expected: " + expected + ")"));
    return new SyntaxError();
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) pos++;
    return t;
  }

  private SourceLocation loc(Token t) {
    return SourceLocation.of(file, t.line(), t.col());
  }
}
