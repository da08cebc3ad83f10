package dev.polyglot.gateway.testing;

import dev.polyglot.gateway.route.SchemaLoader;
import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.IdlException;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Problem;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema loader for core's own tests, over a one-line-per-service notation, so that routing, the
 * route table and the cache can be tested without depending on the Thrift and proto parsers (tested
 * in the idl module):
 *
 * <pre>
 * thrift warehouse.Warehouse: getItem, listItems, ping oneway, stock cache.ttl=30s
 * proto acme.v1.WarehouseService: GetItem, ListItems, Watch server_streaming
 * </pre>
 *
 * Malformed lines are problems at {@code file:line:1}, collected and thrown once, like the real loaders.
 */
public final class ServiceListSchemaLoader implements SchemaLoader {

  @Override
  public Schema load(Map<String, String> sources) throws IdlException {
    Schema.Builder b = Schema.builder();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> file : sources.entrySet()) {
      String[] lines = file.getValue().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        SourceLocation loc = SourceLocation.of(file.getKey(), i + 1, 1);
        int colon = line.indexOf(':');
        String[] head = colon < 0 ? new String[0] : line.substring(0, colon).strip().split("\\s+");
        if (head.length != 2 || !(head[0].equals("thrift") || head[0].equals("proto"))) {
          problems.add(Problem.of(loc, "expected: thrift|proto <qualified service>: <method>, ..."));
          continue;
        }
        IdlKind kind = head[0].equals("thrift") ? IdlKind.THRIFT : IdlKind.PROTO;
        String qualified = head[1];
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        List<MethodDef> methods = new ArrayList<>();
        for (String m : line.substring(colon + 1).split(",")) {
          String[] words = m.strip().split("\\s+");
          if (words[0].isEmpty()) continue;
          boolean oneway = false;
          StreamingKind streaming = StreamingKind.UNARY;
          Map<String, String> annotations = new LinkedHashMap<>();
          for (int w = 1; w < words.length; w++) {
            if (words[w].equals("oneway")) oneway = true;
            else if (words[w].equals("server_streaming")) streaming = StreamingKind.SERVER_STREAMING;
            else if (words[w].contains("=")) annotations.put(words[w].substring(0, words[w].indexOf('=')), words[w].substring(words[w].indexOf('=') + 1));
            else problems.add(Problem.of(loc, "unknown method modifier " + words[w]));
          }
          methods.add(new MethodDef(words[0], qualified, streaming, oneway,
              TypeRef.named(qualified + "." + words[0] + "_args", TypeRef.NamedKind.STRUCT), TypeRef.VOID, List.of(), List.of(),
              Annotations.of(annotations), loc));
        }
        b.addService(new ServiceDef(qualified, simple, kind, null, methods, Annotations.NONE, loc));
      }
    }
    if (!problems.isEmpty()) throw new IdlException(problems);
    return b.build();
  }
}
