package dev.polyglot.conformance.runner;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Requiredness;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds to a schema the result struct of every Thrift method, which the IDL never spells out: field 0
 * {@code success} (absent for void), then the {@code throws} fields, named
 * {@code <service>.<method>_result} as the Thrift compiler and the translators' bindings name it.
 * With it, a reply's body transcodes like any other struct.
 */
final class ResultStructs {
  private ResultStructs() {}

  static String name(MethodDef m) {
    return m.service() + "." + m.name() + "_result";
  }

  static Schema addTo(Schema schema) {
    Schema.Builder b = Schema.builder();
    schema.files().forEach(b::addFile);
    schema.structs().forEach(b::addStruct);
    schema.enums().forEach(b::addEnum);
    schema.services().forEach(b::addService);
    for (ServiceDef service : schema.services()) {
      if (service.idl() != IdlKind.THRIFT) continue;
      for (MethodDef m : service.methods()) {
        if (schema.struct(name(m)).isEmpty()) b.addStruct(resultOf(m));
      }
    }
    return b.build();
  }

  private static StructDef resultOf(MethodDef m) {
    List<FieldDef> fields = new ArrayList<>();
    if (!(m.response() instanceof TypeRef.Void)) {
      fields.add(new FieldDef(0, "success", "success", m.response(), Requiredness.OPTIONAL, true, null, -1, false, Annotations.NONE, m.location()));
    }
    for (FieldDef e : m.exceptions()) {
      fields.add(new FieldDef(e.id(), e.name(), e.jsonName(), e.type(), Requiredness.OPTIONAL, true, null, -1, false, Annotations.NONE, e.location()));
    }
    return new StructDef(name(m), m.name() + "_result", IdlKind.THRIFT, StructKind.STRUCT, fields, List.of(), false, Annotations.NONE, m.location());
  }
}
