package dev.polyglot.idl;

/**
 * One HTTP binding of a method, from a proto {@code google.api.http} option (each
 * {@code additional_bindings} entry becomes its own rule) or from the Thrift method annotations
 * {@code http.get|post|put|delete|patch} and {@code http.body}.
 *
 * @param verb upper-case: GET, POST, PUT, DELETE, PATCH (or a custom verb)
 * @param pathTemplate e.g. {@code /v1/items/{sku}} or {@code /v1/{name=shelves/*}}
 * @param body "" for none, "*" for the whole request, else the field/argument filled from the body
 * @param responseBody "" for the whole response, else the response field returned as the body
 */
public record HttpRule(String verb, String pathTemplate, String body, String responseBody, SourceLocation location) {}
