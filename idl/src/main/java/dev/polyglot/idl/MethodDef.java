package dev.polyglot.idl;

import java.util.List;

/**
 * A method of a service.
 *
 * <p>Thrift: {@code request} names the synthesized {@link StructKind#ARGS} struct holding the
 * arguments; {@code response} is the declared result type ({@link TypeRef#VOID} for void, any type
 * otherwise); {@code exceptions} are the {@code throws} clause, as fields (id, name, exception type).
 *
 * <p>Proto: {@code request} and {@code response} name messages; {@code exceptions} is empty.
 *
 * @param service qualified name of the service that declares it (for an inherited Thrift method: the
 *     base service)
 */
public record MethodDef(
    String name,
    String service,
    StreamingKind streaming,
    boolean oneway,
    TypeRef.Named request,
    TypeRef response,
    List<FieldDef> exceptions,
    List<HttpRule> httpRules,
    Annotations annotations,
    SourceLocation location) {

  public MethodDef {
    exceptions = List.copyOf(exceptions);
    httpRules = List.copyOf(httpRules);
  }
}
