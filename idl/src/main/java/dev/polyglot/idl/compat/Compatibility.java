package dev.polyglot.idl.compat;

import dev.polyglot.idl.Annotations;
import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.idl.SourceLocation;
import dev.polyglot.idl.StreamingKind;
import dev.polyglot.idl.StructDef;
import dev.polyglot.idl.StructKind;
import dev.polyglot.idl.TypeRef;
import dev.polyglot.idl.compat.StructCorrespondence.FieldCorrespondence;
import dev.polyglot.idl.compat.StructCorrespondence.Match;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumValuePair;
import dev.polyglot.idl.compat.ValueCorrespondence.ListCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.MapCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.ScalarCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.SetCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.Unbridgeable;
import dev.polyglot.idl.compat.ValueCorrespondence.WrapperCorrespondence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compatibility check between a caller service and a backend service, and the one place where
 * the Thrift ↔ proto mapping rules of DESIGN.md are applied. Method bindings consume the {@link
 * CompatibilityReport} instead of re-deriving the rules.
 *
 * <p>Rules beyond DESIGN.md, decided here:
 *
 * <ul>
 *   <li>Any two integer kinds correspond; a direction whose target range does not contain the
 *       source range is flagged to be range-checked (i32 ↔ int64 binds, checked toward i32). double
 *       ↔ float is checked toward float. uuid ↔ string is checked toward uuid (canonical text), uuid
 *       ↔ bytes toward uuid (16 bytes).
 *   <li>An enum value with no counterpart is an error when it belongs to a Thrift enum, and a
 *       warning when it belongs to a proto enum: proto enums are open by nature (peers must expect
 *       unknown values), so such a value fails only the calls that carry it. A proto3 zero value
 *       named {@code *UNSPECIFIED} without a counterpart stands for "unset" and is no problem.
 *   <li>A field without counterpart is dropped (or absent, so the receiver's default applies); it is
 *       an error only when it is {@code required} on its side.
 *   <li>A Thrift struct result binds to the response message directly; when that fails and the
 *       message has exactly one message-typed field, the message is taken as a wrapper of the struct.
 *   <li>Thrift declared exceptions ↔ the proto message of the same simple name (the backend's
 *       package first). Without such a message the error still crosses as a status code. A backend
 *       Thrift exception that a Thrift caller does not declare is a warning (it arrives as a
 *       TApplicationException).
 *   <li>A oneway backend method can serve a caller that expects nothing (void or an empty message).
 *   <li>A Thrift enum map key corresponds to a proto {@code string} map key holding the value name
 *       (proto map keys cannot be enums).
 *   <li>Enum values match by name ignoring case and underscores, after dropping the enum's {@code
 *       UPPER_SNAKE_} prefix ({@link NameRules#enumValueKey}).
 * </ul>
 *
 * <p>Stateless; {@link #check} is safe to call from any thread.
 */
public final class Compatibility {
  private Compatibility() {}

  /** Checks every caller method against the backend; never throws for an incompatible pair. */
  public static CompatibilityReport check(Schema schema, ServiceDef caller, ServiceDef backend) {
    Checker c = new Checker(schema, caller, backend);
    List<MethodCorrespondence> methods = new ArrayList<>();
    for (MethodDef m : caller.methods()) {
      MethodCorrespondence mc = c.method(m);
      if (mc != null) methods.add(mc);
    }
    List<EnumCorrespondence> enums = new ArrayList<>(c.enums.values());
    return new CompatibilityReport(caller, backend, methods, new ArrayList<>(c.structs.values()), enums, c.problems);
  }

  /**
   * The working state of one check. Speculative matching (a struct result taken directly or as a
   * wrapped message) runs on a {@link #fork()} that is {@link #adopt adopted} only when chosen.
   */
  private static final class Checker {
    private static final String EMPTY = "google.protobuf.Empty";

    final Schema schema;
    final ServiceDef callerService;
    final ServiceDef backendService;
    final IdlKind callerIdl;
    final IdlKind backendIdl;
    Map<String, StructCorrespondence> structs = new LinkedHashMap<>();
    Map<String, EnumCorrespondence> enums = new LinkedHashMap<>();
    List<CompatProblem> problems = new ArrayList<>();

    Checker(Schema schema, ServiceDef caller, ServiceDef backend) {
      this.schema = schema;
      this.callerService = caller;
      this.backendService = backend;
      this.callerIdl = caller.idl();
      this.backendIdl = backend.idl();
    }

    Checker fork() {
      Checker f = new Checker(schema, callerService, backendService);
      f.structs = new LinkedHashMap<>(structs);
      f.enums = new LinkedHashMap<>(enums);
      f.problems = new ArrayList<>(problems);
      return f;
    }

    void adopt(Checker f) {
      structs = f.structs;
      enums = f.enums;
      problems = f.problems;
    }

    long errors() {
      return problems.stream().filter(CompatProblem::isError).count();
    }

    void error(String path, String message) {
      problems.add(CompatProblem.error(path, message));
    }

    void warning(String path, String message) {
      problems.add(CompatProblem.warning(path, message));
    }

    String show(TypeRef t, Side side) {
      return TypeText.show(t, side == Side.CALLER ? callerIdl : backendIdl);
    }

    // ---- methods -------------------------------------------------------------------------------

    MethodCorrespondence method(MethodDef cm) {
      String path = cm.name();
      if (backendIdl == IdlKind.THRIFT && cm.streaming() != StreamingKind.UNARY) {
        // Said first: no Thrift method of any name could serve it.
        error(path, streamingWord(cm.streaming()) + " method has no Thrift counterpart (Thrift methods are unary)");
        return null;
      }
      MethodDef bm = null;
      for (MethodDef candidate : backendService.methods()) {
        if (candidate.name().equals(cm.name())) {
          bm = candidate;
          break;
        }
        if (bm == null && NameRules.key(candidate.name()).equals(NameRules.key(cm.name()))) bm = candidate;
      }
      if (bm == null) {
        error(path, "backend " + backendService.qualifiedName() + " has no method " + cm.name()
            + " (methods match by name ignoring case and underscores)");
        return null;
      }
      if (!streamingBridges(cm, bm, path)) return null;
      StructCorrespondence request = structPair(requestStruct(cm), requestStruct(bm), path + ".request");
      ResultCorrespondence response = result(cm, bm, path + ".response");
      List<ExceptionCorrespondence> exceptions = exceptions(cm, bm, path + ".throws");
      return new MethodCorrespondence(cm, bm, request, response, exceptions, cm.oneway());
    }

    private boolean streamingBridges(MethodDef cm, MethodDef bm, String path) {
      StreamingKind ck = cm.streaming();
      StreamingKind bk = bm.streaming();
      if (callerIdl == IdlKind.THRIFT && bk != StreamingKind.UNARY) {
        error(path, "backend method " + bm.name() + " is " + streamingWord(bk) + "; a Thrift caller can only make unary calls");
        return false;
      }
      if (ck != bk) {
        error(path, "streaming differs: caller method is " + streamingWord(ck) + ", backend method " + bm.name() + " is " + streamingWord(bk));
        return false;
      }
      return true;
    }

    private static String streamingWord(StreamingKind k) {
      return switch (k) {
        case UNARY -> "unary";
        case CLIENT_STREAMING -> "client-streaming";
        case SERVER_STREAMING -> "server-streaming";
        case BIDI_STREAMING -> "bidi-streaming";
      };
    }

    private StructDef requestStruct(MethodDef m) {
      return struct(m.request().qualifiedName());
    }

    StructDef struct(String qualifiedName) {
      StructDef s = schema.struct(qualifiedName).orElse(null);
      if (s != null) return s;
      if (qualifiedName.equals(EMPTY)) {
        // Well-known and always empty, even when the schema did not keep empty.proto's definitions.
        return new StructDef(EMPTY, "Empty", IdlKind.PROTO, StructKind.MESSAGE, List.of(), List.of(), false,
            Annotations.NONE, SourceLocation.UNKNOWN);
      }
      return schema.requireStruct(qualifiedName);
    }

    // ---- results -------------------------------------------------------------------------------

    private boolean isNothing(TypeRef t) {
      return t instanceof TypeRef.Void || (t instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT && struct(n.qualifiedName()).fields().isEmpty());
    }

    private ResultCorrespondence result(MethodDef cm, MethodDef bm, String path) {
      TypeRef c = cm.response();
      TypeRef b = bm.response();
      if (cm.oneway()) return new ResultCorrespondence.Empty();
      if (bm.oneway()) {
        if (!isNothing(c)) error(path, "backend method " + bm.name() + " is oneway and sends no reply, but the caller expects " + show(c, Side.CALLER));
        return new ResultCorrespondence.Empty();
      }
      boolean cn = isNothing(c);
      boolean bn = isNothing(b);
      if (cn && bn) return new ResultCorrespondence.Empty();
      if (cn || bn) {
        error(path, "result mismatch: caller has " + show(c, Side.CALLER) + ", backend has " + show(b, Side.BACKEND)
            + " (void corresponds only to google.protobuf.Empty or a message without fields)");
        return new ResultCorrespondence.Value(new Unbridgeable(c, b));
      }
      if (callerIdl == backendIdl) return new ResultCorrespondence.Value(correspond(c, b, path, false));
      Side protoSide = callerIdl == IdlKind.PROTO ? Side.CALLER : Side.BACKEND;
      TypeRef thriftType = protoSide == Side.CALLER ? b : c;
      StructDef message = struct(((TypeRef.Named) (protoSide == Side.CALLER ? c : b)).qualifiedName());
      if (thriftType instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT) {
        Checker direct = fork();
        ValueCorrespondence v = direct.correspond(c, b, path, false);
        if (direct.errors() > errors() && message.fields().size() == 1
            && message.fields().get(0).type() instanceof TypeRef.Named inner && inner.kind() == TypeRef.NamedKind.STRUCT) {
          Checker wrapped = fork();
          ValueCorrespondence w = wrapped.wrap(protoSide, message, thriftType, path);
          if (wrapped.errors() == errors()) {
            adopt(wrapped);
            return new ResultCorrespondence.Value(w);
          }
        }
        adopt(direct);
        return new ResultCorrespondence.Value(v);
      }
      if (message.fields().size() != 1) {
        error(path, "result " + show(thriftType, protoSide == Side.CALLER ? Side.BACKEND : Side.CALLER)
            + " needs a response message with exactly one field; " + message.qualifiedName() + " has " + message.fields().size() + " fields");
        return new ResultCorrespondence.Value(new Unbridgeable(c, b));
      }
      return new ResultCorrespondence.Value(wrap(protoSide, message, thriftType, path));
    }

    /** The one-field {@code wrapper} on {@code side} stands for its field's value ↔ {@code other}. */
    private WrapperCorrespondence wrap(Side side, StructDef wrapper, TypeRef other, String path) {
      FieldDef f = wrapper.fields().get(0);
      ValueCorrespondence inner = side == Side.CALLER
          ? correspond(f.type(), other, path + "." + f.name(), false)
          : correspond(other, f.type(), path, false);
      return new WrapperCorrespondence(side, wrapper, f, other, inner);
    }

    // ---- exceptions ----------------------------------------------------------------------------

    private List<ExceptionCorrespondence> exceptions(MethodDef cm, MethodDef bm, String path) {
      List<ExceptionCorrespondence> out = new ArrayList<>();
      if (callerIdl == IdlKind.THRIFT && backendIdl == IdlKind.THRIFT) {
        Set<FieldDef> used = new HashSet<>();
        for (FieldDef cf : cm.exceptions()) {
          StructDef ct = struct(named(cf.type()));
          FieldDef bf = null;
          for (FieldDef x : bm.exceptions()) if (!used.contains(x) && NameRules.key(x.name()).equals(NameRules.key(cf.name()))) { bf = x; break; }
          if (bf == null) for (FieldDef x : bm.exceptions()) if (!used.contains(x) && struct(named(x.type())).name().equals(ct.name())) { bf = x; break; }
          if (bf == null) for (FieldDef x : bm.exceptions()) if (!used.contains(x) && x.id() == cf.id()) { bf = x; break; }
          if (bf == null) {
            out.add(new ExceptionCorrespondence(cf, ct, null, null, null, grpcCode(ct), messageField(ct)));
            continue;
          }
          used.add(bf);
          StructDef bt = struct(named(bf.type()));
          StructCorrespondence sc = structPair(ct, bt, path + "." + cf.name());
          out.add(new ExceptionCorrespondence(cf, ct, bf, bt, sc, grpcCode(ct), messageField(ct)));
        }
        for (FieldDef bf : bm.exceptions()) {
          if (used.contains(bf)) continue;
          StructDef bt = struct(named(bf.type()));
          warning(path + "." + bf.name(), "backend may throw " + bt.qualifiedName()
              + ", which the caller does not declare; it reaches the caller as a TApplicationException");
          out.add(new ExceptionCorrespondence(null, null, bf, bt, null, grpcCode(bt), messageField(bt)));
        }
      } else if (callerIdl == IdlKind.THRIFT) {
        for (FieldDef cf : cm.exceptions()) {
          StructDef ct = struct(named(cf.type()));
          StructDef message = protoMessageNamed(ct.name(), backendService);
          StructCorrespondence sc = message == null ? null : structPair(ct, message, path + "." + cf.name());
          out.add(new ExceptionCorrespondence(cf, ct, null, message, sc, grpcCode(ct), messageField(ct)));
        }
      } else if (backendIdl == IdlKind.THRIFT) {
        for (FieldDef bf : bm.exceptions()) {
          StructDef bt = struct(named(bf.type()));
          StructDef message = protoMessageNamed(bt.name(), callerService);
          StructCorrespondence sc = message == null ? null : structPair(message, bt, path + "." + bf.name());
          out.add(new ExceptionCorrespondence(null, message, bf, bt, sc, grpcCode(bt), messageField(bt)));
        }
      }
      return out;
    }

    private static String named(TypeRef t) {
      return ((TypeRef.Named) t).qualifiedName();
    }

    /** The field named {@code message}, else the first string field, else null. */
    private static FieldDef messageField(StructDef exception) {
      for (FieldDef f : exception.fields()) if (f.name().equals("message") && isString(f.type())) return f;
      for (FieldDef f : exception.fields()) if (isString(f.type())) return f;
      return null;
    }

    private static String grpcCode(StructDef exception) {
      return exception.annotations().get("grpc.code").orElse("UNKNOWN");
    }

    /** A proto message with this simple name, preferring the package of {@code service}. */
    private StructDef protoMessageNamed(String simpleName, ServiceDef service) {
      String pkg = service.qualifiedName().substring(0, Math.max(0, service.qualifiedName().length() - service.name().length()));
      StructDef any = null;
      for (StructDef s : schema.structs()) {
        if (s.idl() != IdlKind.PROTO || s.mapEntry() || !s.name().equals(simpleName)) continue;
        if (s.qualifiedName().equals(pkg + simpleName)) return s;
        if (any == null) any = s;
      }
      return any;
    }

    // ---- values --------------------------------------------------------------------------------

    private boolean isStruct(TypeRef t) {
      return t instanceof TypeRef.Named n && n.kind() == TypeRef.NamedKind.STRUCT;
    }

    private boolean isWrapper(TypeRef t) {
      return isStruct(t) && struct(named(t)).fields().size() == 1;
    }

    private static boolean isContainer(TypeRef t) {
      return t instanceof TypeRef.ListOf || t instanceof TypeRef.SetOf || t instanceof TypeRef.MapOf;
    }

    ValueCorrespondence correspond(TypeRef c, TypeRef b, String path, boolean inContainer) {
      if (c instanceof TypeRef.Named cn && b instanceof TypeRef.Named bn && cn.kind() == bn.kind()) {
        if (cn.kind() == TypeRef.NamedKind.STRUCT) return structPair(struct(cn.qualifiedName()), struct(bn.qualifiedName()), path);
        return enumPair(schema.requireEnum(cn.qualifiedName()), schema.requireEnum(bn.qualifiedName()), path);
      }
      if (isWrapper(c) && !isStruct(b)) return wrap(Side.CALLER, struct(named(c)), b, path);
      if (isWrapper(b) && !isStruct(c)) return wrap(Side.BACKEND, struct(named(b)), c, path);
      if (c instanceof TypeRef.Base cb && b instanceof TypeRef.Base bb) {
        ScalarCorrespondence s = scalars(cb.scalar(), bb.scalar());
        if (s != null) return s;
      }
      if ((c instanceof TypeRef.ListOf || c instanceof TypeRef.SetOf) && (b instanceof TypeRef.ListOf || b instanceof TypeRef.SetOf)) {
        ValueCorrespondence element = correspond(elementOf(c), elementOf(b), path + "[]", true);
        if (c instanceof TypeRef.ListOf cl && b instanceof TypeRef.ListOf bl) return new ListCorrespondence(cl, bl, element);
        return new SetCorrespondence(c, b, element);
      }
      if (c instanceof TypeRef.MapOf cm && b instanceof TypeRef.MapOf bm) {
        ValueCorrespondence key;
        String badKey = badProtoKey(cm, Side.CALLER, bm, Side.BACKEND);
        if (cm.key() instanceof TypeRef.Named ck && ck.kind() == TypeRef.NamedKind.ENUM && isString(bm.key()) && backendIdl == IdlKind.PROTO) {
          key = new ValueCorrespondence.EnumNameCorrespondence(Side.CALLER, schema.requireEnum(ck.qualifiedName()), cm.key(), bm.key());
        } else if (bm.key() instanceof TypeRef.Named bk && bk.kind() == TypeRef.NamedKind.ENUM && isString(cm.key()) && callerIdl == IdlKind.PROTO) {
          key = new ValueCorrespondence.EnumNameCorrespondence(Side.BACKEND, schema.requireEnum(bk.qualifiedName()), cm.key(), bm.key());
        } else if (badKey != null) {
          String hint = badKey.endsWith("an enum key") ? "; an enum key corresponds to a string key holding the value name" : "";
          error(path, "unmappable shape: " + badKey + " (proto map keys are integers, bool or string" + hint + ")");
          key = new Unbridgeable(cm.key(), bm.key());
        } else {
          key = correspond(cm.key(), bm.key(), path + "{key}", true);
        }
        ValueCorrespondence value = correspond(cm.value(), bm.value(), path + "{value}", true);
        return new MapCorrespondence(cm, bm, key, value);
      }
      mismatch(c, b, path, inContainer);
      return new Unbridgeable(c, b);
    }

    private static boolean isString(TypeRef t) {
      return t instanceof TypeRef.Base b && b.scalar() == Scalar.STRING;
    }

    private static TypeRef elementOf(TypeRef t) {
      return t instanceof TypeRef.ListOf l ? l.element() : ((TypeRef.SetOf) t).element();
    }

    /** Why a Thrift map key cannot cross to a proto map, or null. */
    private String badProtoKey(TypeRef.MapOf c, Side cs, TypeRef.MapOf b, Side bs) {
      IdlKind ci = cs == Side.CALLER ? callerIdl : backendIdl;
      IdlKind bi = bs == Side.CALLER ? callerIdl : backendIdl;
      if (ci == bi) return null;
      TypeRef.MapOf thrift = ci == IdlKind.THRIFT ? c : b;
      Side thriftSide = ci == IdlKind.THRIFT ? cs : bs;
      TypeRef k = thrift.key();
      String what;
      if (k instanceof TypeRef.Named n) what = n.kind() == TypeRef.NamedKind.STRUCT ? "a struct key" : "an enum key";
      else if (isContainer(k)) what = "a container key";
      else {
        Scalar s = ((TypeRef.Base) k).scalar();
        if (s == Scalar.DOUBLE || s == Scalar.BINARY) what = "a " + s.thriftName() + " key";
        else return null;
      }
      return show(thrift, thriftSide) + " has " + what;
    }

    private void mismatch(TypeRef c, TypeRef b, String path, boolean inContainer) {
      // A container nested in a container on the Thrift side needs a one-field wrapper message on the proto side.
      if (inContainer && callerIdl != backendIdl) {
        Side thriftSide = callerIdl == IdlKind.THRIFT ? Side.CALLER : Side.BACKEND;
        TypeRef thrift = thriftSide == Side.CALLER ? c : b;
        TypeRef proto = thriftSide == Side.CALLER ? b : c;
        Side protoSide = thriftSide == Side.CALLER ? Side.BACKEND : Side.CALLER;
        if (isContainer(thrift)) {
          String found = isStruct(proto) ? "message " + named(proto) + " with " + struct(named(proto)).fields().size() + " fields" : show(proto, protoSide);
          error(path, "unmappable shape: nested " + show(thrift, thriftSide)
              + " needs a wrapper message with exactly one field on the proto side, found " + found);
          return;
        }
      }
      error(path, "type mismatch: caller has " + show(c, Side.CALLER) + ", backend has " + show(b, Side.BACKEND));
    }

    // ---- scalars -------------------------------------------------------------------------------

    private static ScalarCorrespondence scalars(Scalar c, Scalar b) {
      if (c == b) return new ScalarCorrespondence(c, b, false, false);
      if (c.isInteger() && b.isInteger()) return new ScalarCorrespondence(c, b, !fits(c, b), !fits(b, c));
      if (c.isFloatingPoint() && b.isFloatingPoint()) return new ScalarCorrespondence(c, b, b == Scalar.FLOAT, c == Scalar.FLOAT);
      if ((c == Scalar.UUID && (b == Scalar.STRING || b == Scalar.BINARY)) || (b == Scalar.UUID && (c == Scalar.STRING || c == Scalar.BINARY))) {
        return new ScalarCorrespondence(c, b, b == Scalar.UUID, c == Scalar.UUID);
      }
      return null;
    }

    /** Whether every value of integer kind {@code from} is a value of {@code to}. */
    private static boolean fits(Scalar from, Scalar to) {
      if (from.isSigned() && !to.isSigned()) return false;
      if (from.isSigned() == to.isSigned()) return to.integerBits() >= from.integerBits();
      return to.integerBits() > from.integerBits(); // unsigned into signed needs one more bit
    }

    // ---- enums ---------------------------------------------------------------------------------

    private EnumCorrespondence enumPair(EnumDef c, EnumDef b, String path) {
      String key = c.qualifiedName() + " -> " + b.qualifiedName();
      EnumCorrespondence known = enums.get(key);
      if (known != null) return known;
      Map<String, EnumValueDef> backendByKey = new HashMap<>();
      for (EnumValueDef v : b.values()) backendByKey.putIfAbsent(NameRules.enumValueKey(b, v.name()), v);
      Set<EnumValueDef> used = new HashSet<>();
      List<EnumValuePair> pairs = new ArrayList<>();
      List<EnumValuePair> lone = new ArrayList<>();
      for (EnumValueDef cv : c.values()) {
        EnumValueDef bv = backendByKey.get(NameRules.enumValueKey(c, cv.name()));
        if (bv != null && used.add(bv)) {
          pairs.add(new EnumValuePair(cv, bv, false));
        } else {
          boolean unset = isUnspecified(c, cv);
          lone.add(new EnumValuePair(cv, null, unset));
          if (!unset) loneValue(c, cv, b, path);
        }
      }
      for (EnumValueDef bv : b.values()) {
        if (used.contains(bv) || used.stream().anyMatch(u -> u.number() == bv.number())) {
          continue; // paired, or an alias (same number) of a paired value
        }
        boolean unset = isUnspecified(b, bv);
        lone.add(new EnumValuePair(null, bv, unset));
        if (!unset) loneValue(b, bv, c, path);
      }
      pairs.addAll(lone);
      EnumCorrespondence ec = new EnumCorrespondence(c, b, pairs);
      enums.put(key, ec);
      return ec;
    }

    private void loneValue(EnumDef owner, EnumValueDef v, EnumDef other, String path) {
      String text = "enum value " + owner.qualifiedName() + "." + v.name() + " has no counterpart in " + other.qualifiedName();
      if (owner.idl() == IdlKind.THRIFT) error(path, text);
      else warning(path, text + "; calls carrying it fail with INVALID_ARGUMENT");
    }

    private static boolean isUnspecified(EnumDef e, EnumValueDef v) {
      return e.idl() == IdlKind.PROTO && v.number() == 0 && NameRules.enumValueKey(e, v.name()).endsWith("unspecified");
    }

    // ---- structs -------------------------------------------------------------------------------

    StructCorrespondence structPair(StructDef c, StructDef b, String path) {
      String key = c.qualifiedName() + " -> " + b.qualifiedName();
      StructCorrespondence known = structs.get(key);
      if (known != null) return known;
      StructCorrespondence sc = new StructCorrespondence(c, b);
      structs.put(key, sc); // before the fields: a recursive reference finds it

      Map<FieldDef, FieldDef> partner = new LinkedHashMap<>();
      Map<FieldDef, Match> how = new HashMap<>();
      Set<FieldDef> taken = new HashSet<>();
      for (FieldDef cf : c.fields()) {
        for (FieldDef bf : b.fields()) {
          if (!taken.contains(bf) && NameRules.key(bf.name()).equals(NameRules.key(cf.name()))) {
            partner.put(cf, bf);
            how.put(cf, Match.NAME);
            taken.add(bf);
            break;
          }
        }
      }
      for (FieldDef cf : c.fields()) {
        if (partner.containsKey(cf)) continue;
        for (FieldDef bf : b.fields()) {
          if (!taken.contains(bf) && bf.id() == cf.id()) {
            partner.put(cf, bf);
            how.put(cf, Match.ID);
            taken.add(bf);
            break;
          }
        }
      }

      List<FieldCorrespondence> fields = new ArrayList<>();
      for (FieldDef cf : c.fields()) {
        FieldDef bf = partner.get(cf);
        String fieldPath = path + "." + cf.name();
        if (bf == null) {
          if (cf.isRequired()) error(fieldPath, "required field " + cf.name() + " has no counterpart in " + TypeText.describe(b));
          fields.add(new FieldCorrespondence(cf, null, Match.NONE, null));
        } else {
          fields.add(new FieldCorrespondence(cf, bf, how.get(cf), correspond(cf.type(), bf.type(), fieldPath, false)));
        }
      }
      for (FieldDef bf : b.fields()) {
        if (taken.contains(bf)) continue;
        if (bf.isRequired()) error(path + "." + bf.name(), "required field " + bf.name() + " of " + TypeText.describe(b) + " has no counterpart in " + TypeText.describe(c));
        fields.add(new FieldCorrespondence(null, bf, Match.NONE, null));
      }
      checkUnion(c, b, fields, path);
      sc.complete(fields);
      return sc;
    }

    /** A Thrift union ↔ proto message: the message's counterparts must be members of one oneof. */
    private void checkUnion(StructDef c, StructDef b, List<FieldCorrespondence> fields, String path) {
      StructDef union = c.isUnion() && b.idl() == IdlKind.PROTO ? c : b.isUnion() && c.idl() == IdlKind.PROTO ? b : null;
      if (union == null) return;
      StructDef message = union == c ? b : c;
      Integer oneof = null;
      boolean ok = true;
      for (FieldCorrespondence f : fields) {
        FieldDef m = union == c ? f.backend() : f.caller();
        if (m == null || (union == c ? f.caller() : f.backend()) == null) continue;
        if (m.oneofIndex() < 0 || (oneof != null && oneof != m.oneofIndex())) ok = false;
        oneof = m.oneofIndex();
      }
      if (!ok) {
        error(path, "union " + union.qualifiedName() + " needs a message whose corresponding fields are members of one oneof; "
            + message.qualifiedName() + "'s are not");
      }
    }
  }
}
