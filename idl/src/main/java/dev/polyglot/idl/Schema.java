package dev.polyglot.idl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything loaded from a set of IDL files, Thrift and proto together, in one immutable model.
 * Definitions are keyed by qualified name; services are also found by a simple name when that is
 * unique. Instances are immutable and safe to share between threads.
 */
public final class Schema {
  private final List<IdlFile> files;
  private final Map<String, StructDef> structs;
  private final Map<String, EnumDef> enums;
  private final Map<String, ServiceDef> services;

  private Schema(List<IdlFile> files, Map<String, StructDef> structs, Map<String, EnumDef> enums, Map<String, ServiceDef> services) {
    this.files = List.copyOf(files);
    this.structs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(structs));
    this.enums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(enums));
    this.services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The union of two schemas (e.g. a Thrift set and a proto set loaded separately). */
  public Schema merge(Schema other) {
    Builder b = builder();
    files.forEach(b::addFile);
    other.files.forEach(b::addFile);
    structs.values().forEach(b::addStruct);
    other.structs.values().forEach(b::addStruct);
    enums.values().forEach(b::addEnum);
    other.enums.values().forEach(b::addEnum);
    services.values().forEach(b::addService);
    other.services.values().forEach(b::addService);
    return b.build();
  }

  public List<IdlFile> files() {
    return files;
  }

  public Collection<StructDef> structs() {
    return structs.values();
  }

  public Collection<EnumDef> enums() {
    return enums.values();
  }

  public Collection<ServiceDef> services() {
    return services.values();
  }

  /** By qualified name. */
  public Optional<StructDef> struct(String qualifiedName) {
    return Optional.ofNullable(structs.get(qualifiedName));
  }

  /** By qualified name; throws if absent (a linked schema never has dangling references). */
  public StructDef requireStruct(String qualifiedName) {
    StructDef s = structs.get(qualifiedName);
    if (s == null) throw new IllegalArgumentException("no struct or message named " + qualifiedName);
    return s;
  }

  public Optional<EnumDef> enumType(String qualifiedName) {
    return Optional.ofNullable(enums.get(qualifiedName));
  }

  public EnumDef requireEnum(String qualifiedName) {
    EnumDef e = enums.get(qualifiedName);
    if (e == null) throw new IllegalArgumentException("no enum named " + qualifiedName);
    return e;
  }

  /**
   * A service by qualified name ({@code warehouse.Warehouse}), or by simple name when exactly one
   * loaded service has it.
   */
  public Optional<ServiceDef> service(String name) {
    ServiceDef s = services.get(name);
    if (s != null) return Optional.of(s);
    ServiceDef found = null;
    for (ServiceDef candidate : services.values()) {
      if (candidate.name().equals(name)) {
        if (found != null) return Optional.empty();
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Like {@link #service(String)} but explains an absent or ambiguous name. */
  public ServiceDef requireService(String name) {
    Optional<ServiceDef> s = service(name);
    if (s.isPresent()) return s.get();
    List<String> same = new ArrayList<>();
    for (ServiceDef candidate : services.values()) if (candidate.name().equals(name)) same.add(candidate.qualifiedName());
    if (same.size() > 1) {
      throw new IllegalArgumentException("service name " + name + " is ambiguous (expected one of: " + String.join(", ", same) + ")");
    }
    throw new IllegalArgumentException("unknown service " + name + " (loaded: " + String.join(", ", services.keySet()) + ")");
  }

  /** Collects definitions; later additions of the same qualified name replace earlier ones. */
  public static final class Builder {
    private final List<IdlFile> files = new ArrayList<>();
    private final Map<String, StructDef> structs = new LinkedHashMap<>();
    private final Map<String, EnumDef> enums = new LinkedHashMap<>();
    private final Map<String, ServiceDef> services = new LinkedHashMap<>();

    public Builder addFile(IdlFile f) {
      files.removeIf(x -> x.path().equals(f.path()));
      files.add(f);
      return this;
    }

    public Builder addStruct(StructDef s) {
      structs.put(s.qualifiedName(), s);
      return this;
    }

    public Builder addEnum(EnumDef e) {
      enums.put(e.qualifiedName(), e);
      return this;
    }

    public Builder addService(ServiceDef s) {
      services.put(s.qualifiedName(), s);
      return this;
    }

    public Schema build() {
      return new Schema(files, structs, enums, services);
    }
  }
}
