package dev.polyglot.adapters.http.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.TypeRef;
import java.io.IOException;

/**
 * Builds the request JSON of a resource-style call from the body, the path variables and the query
 * string (google.api.http rules): the body fills the whole request ({@code *}) or one field, path
 * variables then overwrite the fields they name, and query parameters fill the remaining fields,
 * repeated ones from repeated parameters ({@code ?tag=a&tag=b}) and nested ones by dotted name
 * ({@code ?dims.width_cm=3}).
 *
 * <p>A tree is acceptable here: it lives at the edge for one request and only for resource routes;
 * RPC-style calls pass their body bytes through untouched. Thread-safe (the mapper is immutable
 * after construction).
 */
final class RequestAssembler {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // Numbers pass through as written: 1.50 stays 1.50, so nothing is rounded at the edge.
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private RequestAssembler() {}

  /**
   * @param values the path variables' values, in template order
   * @param rawQuery the query string as sent (without {@code ?}), or null
   * @param body the request body, empty when none was sent or the route reads none
   * @throws BadRequestException for malformed JSON, a body of the wrong shape, an unknown query
   *     parameter or one that cannot fill its field
   */
  static byte[] assemble(ResourceRoute route, String[] values, String rawQuery, byte[] body) throws BadRequestException {
    ObjectNode request = RequestFields.nodes().objectNode();
    if (route.readsBody() && body.length > 0) {
      JsonNode parsed = parse(body);
      if (route.wholeBody()) {
        if (!(parsed instanceof ObjectNode o)) throw new BadRequestException("request body: a JSON " + kind(parsed) + " (expected: a JSON object)");
        request = o;
      } else {
        request.set(route.bodyField().name(), parsed);
      }
    }
    for (int i = 0; i < values.length; i++) {
      FieldDef[] path = route.variableFields().get(i);
      ObjectNode parent = parentOf(request, path, "path variable {" + route.template().variables().get(i).fieldPath() + "}");
      FieldDef leaf = path[path.length - 1];
      parent.set(leaf.name(), RequestFields.scalar(leaf.type(), values[i]));
    }
    if (rawQuery != null && !rawQuery.isEmpty()) query(route, rawQuery, request);
    try {
      return JSON.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree failed", e);
    }
  }

  /**
   * Parses a request body as one JSON value.
   *
   * @throws BadRequestException quoting the parser's complaint with its line and column
   */
  static JsonNode parse(byte[] body) throws BadRequestException {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequestException("request body: malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadRequestException("request body: unreadable (" + e.getMessage() + ")");
    }
  }

  private static void query(ResourceRoute route, String rawQuery, ObjectNode request) throws BadRequestException {
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = RequestPath.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        value = eq < 0 ? "" : RequestPath.decodeQuery(pair.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("query string: " + e.getMessage());
      }
      String what = "query parameter " + name;
      if (route.wholeBody()) throw new BadRequestException(what + ": not accepted, the body is the whole request (expected: no query parameters on " + route.verb() + " " + route.template() + ")");
      FieldDef[] path;
      try {
        path = route.endpoint().fields.resolve(name);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("query parameter " + e.getMessage());
      }
      if (route.bodyField() != null && path[0] == route.bodyField()) {
        throw new BadRequestException(what + ": " + path[0].name() + " is filled from the request body (expected: a field outside the body)");
      }
      FieldDef leaf = path[path.length - 1];
      if (!RequestFields.isTextual(leaf.type())) {
        throw new BadRequestException(what + ": " + leaf.name() + " is a " + leaf.type().display() + " (expected: a scalar, enum or repeated scalar field)");
      }
      ObjectNode parent = parentOf(request, path, what);
      if (leaf.type() instanceof TypeRef.ListOf || leaf.type() instanceof TypeRef.SetOf) {
        TypeRef element = leaf.type() instanceof TypeRef.ListOf l ? l.element() : ((TypeRef.SetOf) leaf.type()).element();
        JsonNode existing = parent.get(leaf.name());
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(leaf.name());
        array.add(RequestFields.scalar(element, value));
      } else {
        if (parent.has(leaf.name())) throw new BadRequestException(what + ": given twice or already set by the path (expected: once)");
        parent.set(leaf.name(), RequestFields.scalar(leaf.type(), value));
      }
    }
  }

  /** The object holding the last field of {@code path}, creating the objects on the way. */
  private static ObjectNode parentOf(ObjectNode root, FieldDef[] path, String what) throws BadRequestException {
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = node.get(path[i].name());
      if (child == null || child.isNull()) {
        node = node.putObject(path[i].name());
      } else if (child instanceof ObjectNode o) {
        node = o;
      } else {
        throw new BadRequestException(what + ": " + path[i].name() + " is a JSON " + kind(child) + " in the request body (expected: an object)");
      }
    }
    return node;
  }

  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL, MISSING -> "null";
    };
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
