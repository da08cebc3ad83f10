package dev.polyglot.conformance.cases;

/** The built-in cases: the interop service's edge values, in the Thrift view of {@code interop.Interop}. */
public final class StandardCases {
  /** Classpath resource of the standard case file. */
  public static final String RESOURCE = "cases/interop-standard.yaml";

  /** Classpath resource of the cases in the proto view of {@code polyglot.interop.v1.InteropService}. */
  public static final String PROTO_RESOURCE = "cases/interop-proto.yaml";

  private StandardCases() {}

  /** The proto-view cases, for gRPC backends called without a binding. */
  public static CaseFile loadProto() {
    return CaseFileParser.parseResource(PROTO_RESOURCE);
  }

  public static CaseFile load() {
    return CaseFileParser.parseResource(RESOURCE);
  }
}
