package dev.polyglot.translate.binding;

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
import dev.polyglot.translate.Codecs;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What every {@link MethodBinding} over one loaded {@link Schema} shares: the compiled plans, the
 * per-thread readers and writers, and the Thrift result structs.
 *
 * <p>A Thrift reply is a result struct — field 0 {@code success} holding the result, then one field
 * per declared exception — which the IDL never spells out. This class adds one to the schema for
 * every Thrift method, named {@code <service>.<method>_result} as the Thrift compiler names its
 * generated class, so readers and writers handle replies like any other struct.
 *
 * <p>Build one per loaded schema and share it; thread-safe.
 */
public final class BindingSchema {
  private final Schema original;
  private final Plans plans;
  private final Transcoder transcoder;
  private final ThreadLocal<Remapper> remappers = ThreadLocal.withInitial(Remapper::new);

  private BindingSchema(Schema original, Limits limits, Function<Plans, Codecs> codecs) {
    this.original = original;
    this.plans = Plans.of(withResultStructs(original));
    this.transcoder = Transcoder.of(codecs.apply(plans), limits);
  }

  /** With {@link Limits#DEFAULT}. */
  public static BindingSchema of(Schema schema) {
    return new BindingSchema(schema, Limits.DEFAULT, p -> Codecs.standard());
  }

  public static BindingSchema of(Schema schema, Limits limits) {
    return new BindingSchema(schema, limits, p -> Codecs.standard());
  }

  /**
   * With codecs of the caller's choosing (JSON options, {@code google.protobuf.Any} resolution),
   * made from this binding schema's plans.
   */
  public static BindingSchema of(Schema schema, Limits limits, Function<Plans, Codecs> codecs) {
    return new BindingSchema(schema, limits, codecs);
  }

  /** The schema as loaded (without the result structs). */
  public Schema schema() {
    return original;
  }

  /** Plans of the schema plus the result structs. */
  public Plans plans() {
    return plans;
  }

  public Transcoder transcoder() {
    return transcoder;
  }

  /** The result struct of a Thrift method: {@code 0: success} (absent for void), then its {@code throws} fields. */
  public StructPlan resultPlan(MethodDef thriftMethod) {
    return plans.struct(resultName(thriftMethod));
  }

  Remapper remapper() {
    return remappers.get();
  }

  /**
   * The qualified name of a Thrift method's result struct, {@code <service>.<method>_result}, as the
   * Thrift compiler names it; the struct itself is added by {@link #withResultStructs}.
   */
  public static String resultName(MethodDef m) {
    return m.service() + "." + m.name() + "_result";
  }

  /**
   * The schema plus the result struct of every Thrift method, which the IDL never spells out: field 0
   * {@code success} (absent for void), then the {@code throws} fields. With it, a Thrift reply body
   * transcodes like any other struct.
   */
  public static Schema withResultStructs(Schema schema) {
    Schema.Builder b = Schema.builder();
    schema.files().forEach(b::addFile);
    schema.structs().forEach(b::addStruct);
    schema.enums().forEach(b::addEnum);
    schema.services().forEach(b::addService);
    for (ServiceDef service : schema.services()) {
      if (service.idl() != IdlKind.THRIFT) continue;
      for (MethodDef m : service.methods()) {
        if (schema.struct(resultName(m)).isPresent()) continue;
        b.addStruct(resultStruct(m));
      }
    }
    return b.build();
  }

  private static StructDef resultStruct(MethodDef m) {
    List<FieldDef> fields = new ArrayList<>();
    if (!(m.response() instanceof TypeRef.Void)) {
      fields.add(new FieldDef(0, "success", "success", m.response(), Requiredness.OPTIONAL, true, null, -1, false, Annotations.NONE, m.location()));
    }
    for (FieldDef e : m.exceptions()) {
      fields.add(new FieldDef(e.id(), e.name(), e.jsonName(), e.type(), Requiredness.OPTIONAL, true, null, -1, false, e.annotations(), e.location()));
    }
    String name = m.name() + "_result";
    return new StructDef(resultName(m), name, IdlKind.THRIFT, StructKind.STRUCT, fields, List.of(), false, Annotations.NONE, m.location());
  }
}
