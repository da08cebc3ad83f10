package dev.polyglot.idl.compat;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.compat.StructCorrespondence.FieldCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumValuePair;
import dev.polyglot.idl.compat.ValueCorrespondence.ScalarCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.WrapperCorrespondence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of {@link Compatibility#check}: every caller method that binds, every struct and enum
 * pair reached from them (each once, in the order first reached), and every problem. Immutable and
 * safe to share between threads.
 *
 * @param methods bound methods in the caller's declaration order; a caller method that cannot bind
 *     at all (missing, or streaming that cannot cross) is absent and has an error in {@code problems}
 * @param problems errors and warnings in the order found
 */
public record CompatibilityReport(
    ServiceDef caller,
    ServiceDef backend,
    List<MethodCorrespondence> methods,
    List<StructCorrespondence> structs,
    List<EnumCorrespondence> enums,
    List<CompatProblem> problems) {

  public CompatibilityReport {
    methods = List.copyOf(methods);
    structs = List.copyOf(structs);
    enums = List.copyOf(enums);
    problems = List.copyOf(problems);
  }

  /** True when no problem is an error: every caller method can be bridged (warnings allowed). */
  public boolean bridgeable() {
    return problems.stream().noneMatch(CompatProblem::isError);
  }

  public List<CompatProblem> errors() {
    return problems.stream().filter(CompatProblem::isError).toList();
  }

  /** The binding of the caller method with exactly this name. */
  public Optional<MethodCorrespondence> method(String callerMethodName) {
    return methods.stream().filter(m -> m.caller().name().equals(callerMethodName)).findFirst();
  }

  /**
   * The report as the {@code idl compat} command prints it: the services, the bound methods, each
   * struct and enum pair with its field or value correspondences, the problems, and a verdict line.
   */
  public String render() {
    IdlKind ci = caller.idl();
    IdlKind bi = backend.idl();
    StringBuilder sb = new StringBuilder();
    sb.append("caller  ").append(caller.qualifiedName()).append(" (").append(lower(ci)).append(")\n");
    sb.append("backend ").append(backend.qualifiedName()).append(" (").append(lower(bi)).append(")\n");
    for (MethodCorrespondence m : methods) {
      sb.append("\nmethod ").append(m.caller().name()).append(" -> ").append(m.backend().name());
      if (m.forwardOnly()) sb.append(" (oneway: forwarded, no reply)");
      sb.append('\n');
      sb.append("  request  ").append(TypeText.describe(m.request().caller())).append(" -> ").append(TypeText.describe(m.request().backend())).append('\n');
      sb.append("  response ");
      if (m.response() instanceof ResultCorrespondence.Value v) {
        sb.append(value(v.value()));
      } else {
        sb.append(TypeText.show(m.caller().response(), ci)).append(" -> ").append(TypeText.show(m.backend().response(), bi)).append(" (nothing to carry)");
      }
      sb.append('\n');
      for (ExceptionCorrespondence e : m.exceptions()) {
        sb.append("  throws   ")
            .append(e.callerType() == null ? "(none)" : e.callerType().qualifiedName())
            .append(" -> ")
            .append(e.backendType() == null ? "(none)" : e.backendType().qualifiedName())
            .append(" (grpc.code ").append(e.grpcCode()).append(")\n");
      }
    }
    for (StructCorrespondence s : structs) {
      sb.append('\n').append(TypeText.describe(s.caller())).append(" -> ").append(TypeText.describe(s.backend())).append('\n');
      for (FieldCorrespondence f : s.fields()) {
        sb.append("  ").append(field(f.caller(), ci)).append(" -> ").append(field(f.backend(), bi));
        if (f.match() == StructCorrespondence.Match.ID) sb.append(" (matched by id)");
        if (f.value() != null) sb.append(notes(f.value()));
        sb.append('\n');
      }
    }
    for (EnumCorrespondence e : enums) {
      sb.append("\nenum ").append(e.caller().qualifiedName()).append(" -> ").append(e.backend().qualifiedName()).append('\n');
      for (EnumValuePair p : e.values()) {
        sb.append("  ")
            .append(p.caller() == null ? (p.unset() ? "(unset)" : "(none)") : p.caller().name() + " = " + p.caller().number())
            .append(" -> ")
            .append(p.backend() == null ? (p.unset() ? "(unset)" : "(none)") : p.backend().name() + " = " + p.backend().number())
            .append('\n');
      }
    }
    sb.append("\nproblems:");
    if (problems.isEmpty()) sb.append(" none");
    sb.append('\n');
    for (CompatProblem p : problems) sb.append("  ").append(p).append('\n');
    long errors = errors().size();
    long warnings = problems.size() - errors;
    sb.append(bridgeable() ? "bridgeable: " : "not bridgeable: ")
        .append(methods.size()).append(" of ").append(caller.methods().size()).append(" methods bound, ")
        .append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning" : " warnings")
        .append('\n');
    return sb.toString();
  }

  private String value(ValueCorrespondence v) {
    String text = TypeText.show(v.callerType(), caller.idl()) + " -> " + TypeText.show(v.backendType(), backend.idl());
    return text + notes(v);
  }

  private static String notes(ValueCorrespondence v) {
    if (v instanceof WrapperCorrespondence w) {
      return " (" + (w.wrapped() == Side.CALLER ? "caller" : "backend") + " wraps the value in field " + w.field().name() + ")";
    }
    if (v instanceof ScalarCorrespondence s) {
      if (s.checkedTowardBackend() && s.checkedTowardCaller()) return " (checked both ways)";
      if (s.checkedTowardBackend()) return " (checked toward backend)";
      if (s.checkedTowardCaller()) return " (checked toward caller)";
    }
    if (v instanceof ValueCorrespondence.Unbridgeable) return " (unbridgeable)";
    if (v instanceof ValueCorrespondence.EnumNameCorrespondence) return " (enum value names)";
    return "";
  }

  private static String field(FieldDef f, IdlKind idl) {
    if (f == null) return "(none)";
    return f.id() + ": " + (f.isRequired() ? "required " : f.isOptional() ? "optional " : "") + TypeText.show(f.type(), idl) + " " + f.name();
  }

  private static String lower(IdlKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
