package dev.polyglot.adapters.http.server;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.HttpRule;
import dev.polyglot.idl.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One resource-style binding ({@code GET /v1/items/{sku}}) compiled from an {@link HttpRule}: the
 * template, the fields its variables fill, and where the body goes. Immutable.
 *
 * @param variableFields per template variable, the request fields along its path
 * @param bodyField the field the body fills when {@code body} names one, else null
 * @param wholeBody {@code body: "*"}: the body is the whole request and no query parameters apply
 * @param readsBody whether the request body is read at all ({@code body} not empty)
 * @param responseField the response field returned as the body ({@code response_body}), or "" for all
 */
record ResourceRoute(
    String verb,
    PathTemplate template,
    MethodEndpoint endpoint,
    List<FieldDef[]> variableFields,
    FieldDef bodyField,
    boolean wholeBody,
    boolean readsBody,
    String responseField,
    HttpRule rule) {

  /**
   * Compiles a rule of {@code endpoint}'s method.
   *
   * @throws IllegalArgumentException saying why the rule cannot be served
   */
  static ResourceRoute compile(MethodEndpoint endpoint, HttpRule rule) {
    if (endpoint.fields == null) throw new IllegalArgumentException("the request type " + endpoint.method.callerMethod().request().qualifiedName() + " is not in the schema");
    PathTemplate template = PathTemplate.parse(rule.pathTemplate());
    List<FieldDef[]> vars = new ArrayList<>();
    for (PathTemplate.Variable v : template.variables()) {
      FieldDef[] path = endpoint.fields.resolve(v.fieldPath());
      FieldDef leaf = path[path.length - 1];
      if (!RequestFields.isTextual(leaf.type()) || leaf.type() instanceof TypeRef.ListOf || leaf.type() instanceof TypeRef.SetOf) {
        throw new IllegalArgumentException("path variable {" + v.fieldPath() + "} is a " + leaf.type().display() + " (expected: a scalar or enum field)");
      }
      vars.add(path);
    }
    String body = rule.body();
    FieldDef bodyField = null;
    if (!body.isEmpty() && !body.equals("*")) {
      FieldDef[] path = endpoint.fields.resolve(body);
      if (path.length != 1) throw new IllegalArgumentException("body \"" + body + "\" (expected: \"*\" or a top-level field of the request)");
      bodyField = path[0];
    }
    return new ResourceRoute(rule.verb().toUpperCase(Locale.ROOT), template, endpoint, List.copyOf(vars), bodyField, body.equals("*"), !body.isEmpty(),
        rule.responseBody(), rule);
  }

  @Override
  public String toString() {
    return verb + " " + template + " -> " + endpoint.serviceName() + "/" + endpoint.methodName();
  }
}
