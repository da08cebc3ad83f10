package dev.polyglot.conformance.cases;

/** The built-in cases: the interop service's edge values, in the Thrift view of {@code interop.Interop}. */
public final class StandardCases {
  /** Classpath resource of the standard case file. */
  public static final String RESOURCE = "cases/interop-standard.yaml";

  private StandardCases() {}

  public static CaseFile load() {
    return CaseFileParser.parseResource(RESOURCE);
  }
}
