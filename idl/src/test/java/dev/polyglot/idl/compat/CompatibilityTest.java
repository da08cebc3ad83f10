package dev.polyglot.idl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Scalar;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.StructCorrespondence.FieldCorrespondence;
import dev.polyglot.idl.compat.StructCorrespondence.Match;
import dev.polyglot.idl.compat.ValueCorrespondence.EnumCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.ListCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.MapCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.ScalarCorrespondence;
import dev.polyglot.idl.compat.ValueCorrespondence.WrapperCorrespondence;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityTest {
  private static final Path DIR = Path.of("src/test/resources/compat");
  private static Schema schema;
  private static CompatibilityReport legacyToModern;
  private static CompatibilityReport feedToThrift;
  private static CompatibilityReport thriftToThrift;
  private static CompatibilityReport protoToProto;

  @BeforeAll
  static void load() throws Exception {
    schema = IdlLoader.create().load(List.of(DIR));
    legacyToModern = Compatibility.check(schema, schema.requireService("legacy.Legacy"), schema.requireService("compat.modern.v1.Modern"));
    feedToThrift = Compatibility.check(schema, schema.requireService("compat.feed.v1.Feed"), schema.requireService("feed.Feed"));
    thriftToThrift = Compatibility.check(schema, schema.requireService("feed.Feed"), schema.requireService("feed_v2.FeedV2"));
    protoToProto = Compatibility.check(schema, schema.requireService("compat.feed.v1.Feed"), schema.requireService("compat.feed.v2.Feed"));
  }

  /** One row per incompatible method: its problems, exactly, joined by " | ". */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '#', textBlock = """
      legacy# removeItem# error: removeItem: backend compat.modern.v1.Modern has no method removeItem (methods match by name ignoring case and underscores)
      legacy# putParcel# error: putParcel.request.parcel.dims.width_cm: type mismatch: caller has double, backend has string
      legacy# heatmap# error: heatmap.response: unmappable shape: map<legacy.Point,i64> has a struct key (proto map keys are integers, bool or string)
      legacy# countByStatus# error: countByStatus.response: unmappable shape: map<legacy.Status,i64> has an enum key (proto map keys are integers, bool or string; an enum key corresponds to a string key holding the value name)
      legacy# tagGroups# error: tagGroups.request.groups[]: unmappable shape: nested list<string> needs a wrapper message with exactly one field on the proto side, found string
      legacy# enroll# error: enroll.request.account.email: required field email has no counterpart in message compat.modern.v1.Account
      legacy# countItems# error: countItems.response: result i64 needs a response message with exactly one field; compat.modern.v1.CountItemsResponse has 2 fields
      legacy# ping# error: ping.response: result mismatch: caller has void, backend has compat.modern.v1.PingResponse (void corresponds only to google.protobuf.Empty or a message without fields)
      legacy# setStatus# error: setStatus.request.status: enum value legacy.Status.DISCONTINUED has no counterpart in compat.modern.v1.Status | warning: setStatus.request.status: enum value compat.modern.v1.Status.STATUS_ARCHIVED has no counterpart in legacy.Status; calls carrying it fail with INVALID_ARGUMENT
      legacy# watch# error: watch: backend method Watch is server-streaming; a Thrift caller can only make unary calls
      legacy# select# error: select.request.selector: union legacy.Selector needs a message whose corresponding fields are members of one oneof; compat.modern.v1.Selector's are not
      legacy# tag# error: tag.request.tags: type mismatch: caller has set<string>, backend has map<string,string>
      feed# Upload# error: Upload: client-streaming method has no Thrift counterpart (Thrift methods are unary)
      feed# Notify# error: Notify.response: backend method notify is oneway and sends no reply, but the caller expects compat.feed.v1.NotifyResponse
      thrift# post# warning: post.throws.throttled: backend may throw feed_v2.Throttled, which the caller does not declare; it reaches the caller as a TApplicationException
      thrift# upload# error: upload.request.data: type mismatch: caller has binary, backend has string
      proto# Upload# error: Upload: streaming differs: caller method is client-streaming, backend method Upload is unary
      """)
  void incompatibleMethodIsReportedWithItsPathAndReason(String pair, String method, String expected) {
    CompatibilityReport report = switch (pair) {
      case "legacy" -> legacyToModern;
      case "feed" -> feedToThrift;
      case "thrift" -> thriftToThrift;
      default -> protoToProto;
    };
    String problems = report.problems().stream()
        .filter(p -> p.path().equals(method) || p.path().startsWith(method + "."))
        .map(CompatProblem::toString)
        .collect(Collectors.joining(" | "));
    assertEquals(expected, problems);
  }

  @Test
  void everyProblemOfTheTableIsAccountedFor() {
    assertEquals(13, legacyToModern.problems().size());
    assertEquals(12, legacyToModern.errors().size());
    assertFalse(legacyToModern.bridgeable());
    assertEquals(2, feedToThrift.problems().size());
    assertFalse(feedToThrift.bridgeable());
    assertEquals(List.of("Post", "Notify", "Forget"), feedToThrift.methods().stream().map(m -> m.caller().name()).toList());
    assertEquals(2, thriftToThrift.problems().size());
    assertEquals(1, protoToProto.problems().size());
  }

  @Test
  void methodsMatchIgnoringCaseAndBindFieldsByNameThenId() {
    MethodCorrespondence m = legacyToModern.method("getItem").orElseThrow();
    assertEquals("GetItem", m.backend().name());
    List<FieldCorrespondence> args = m.request().fields();
    assertEquals(2, args.size());
    assertEquals("sku", args.get(0).backend().name());
    assertEquals(Match.NAME, args.get(0).match());
    assertEquals(new ScalarCorrespondence(Scalar.STRING, Scalar.STRING, false, false), args.get(0).value());
    assertEquals("qty", args.get(1).backend().name());
    assertEquals(Match.ID, args.get(1).match());
    // i32 -> int64 widens; int64 -> i32 must be range-checked.
    assertEquals(new ScalarCorrespondence(Scalar.I32, Scalar.INT64, false, true), args.get(1).value());
  }

  @Test
  void structResultCorrespondsToTheResponseMessageDirectly() {
    MethodCorrespondence m = legacyToModern.method("getItem").orElseThrow();
    StructCorrespondence item = (StructCorrespondence) ((ResultCorrespondence.Value) m.response()).value();
    assertEquals("legacy.Item", item.caller().qualifiedName());
    assertEquals("compat.modern.v1.Item", item.backend().qualifiedName());
    assertEquals(List.of("sku->sku", "name->display_name", "color->color", "tags->tags"),
        item.fields().stream().map(f -> f.caller().name() + "->" + f.backend().name()).toList());
    assertInstanceOf(ListCorrespondence.class, item.fields().get(3).value());
  }

  @Test
  void enumValuesCorrespondByNameWithoutThePrefixAndUnspecifiedMeansUnset() {
    MethodCorrespondence m = legacyToModern.method("getItem").orElseThrow();
    StructCorrespondence item = (StructCorrespondence) ((ResultCorrespondence.Value) m.response()).value();
    EnumCorrespondence color = (EnumCorrespondence) item.fields().get(2).value();
    assertEquals(List.of("RED=0->COLOR_RED=1", "GREEN=1->COLOR_GREEN=2", "IN_STOCK_GREEN=2->COLOR_IN_STOCK_GREEN=3", "null->COLOR_UNSPECIFIED=0 unset"),
        color.values().stream()
            .map(p -> (p.caller() == null ? "null" : p.caller().name() + "=" + p.caller().number()) + "->"
                + (p.backend() == null ? "null" : p.backend().name() + "=" + p.backend().number()) + (p.unset() ? " unset" : ""))
            .toList());
  }

  @Test
  void declaredExceptionCorrespondsToTheMessageOfTheSameNameWithItsGrpcCode() {
    ExceptionCorrespondence e = legacyToModern.method("getItem").orElseThrow().exceptions().get(0);
    assertEquals("notFound", e.callerField().name());
    assertEquals("legacy.NotFound", e.callerType().qualifiedName());
    assertNull(e.backendField());
    assertEquals("compat.modern.v1.NotFound", e.backendType().qualifiedName());
    assertEquals("NOT_FOUND", e.grpcCode());
    assertEquals(Match.NAME, e.fields().fields().get(0).match());
    assertEquals("message", e.messageField().name());
    assertEquals(Optional.of(e), legacyToModern.method("getItem").orElseThrow().exceptionForCode("NOT_FOUND"));
    assertEquals(Optional.empty(), legacyToModern.method("getItem").orElseThrow().exceptionForCode("UNKNOWN"));
  }

  @Test
  void undeclaredBackendExceptionIsKeptWithItsCodeAndFirstStringFieldAsMessage() {
    ExceptionCorrespondence e = thriftToThrift.method("post").orElseThrow().exceptions().get(0);
    assertNull(e.callerType());
    assertEquals("feed_v2.Throttled", e.backendType().qualifiedName());
    assertEquals("RESOURCE_EXHAUSTED", e.grpcCode());
    assertEquals("reason", e.messageField().name());
  }

  @Test
  void nestedContainerBindsToAOneFieldWrapperMessage() {
    MethodCorrespondence m = legacyToModern.method("stock").orElseThrow();
    assertEquals("google.protobuf.Empty", m.request().backend().qualifiedName());
    assertTrue(m.request().fields().isEmpty());
    WrapperCorrespondence result = (WrapperCorrespondence) ((ResultCorrespondence.Value) m.response()).value();
    assertEquals(Side.BACKEND, result.wrapped());
    assertEquals("compat.modern.v1.StockResponse", result.wrapper().qualifiedName());
    MapCorrespondence map = (MapCorrespondence) result.value();
    WrapperCorrespondence skus = (WrapperCorrespondence) map.value();
    assertEquals("compat.modern.v1.SkuList", skus.wrapper().qualifiedName());
    assertEquals("skus", skus.field().name());
    assertEquals(new ScalarCorrespondence(Scalar.I64, Scalar.INT64, false, false), ((ListCorrespondence) skus.value()).element());
  }

  @Test
  void structResultBindsToAResponseMessageHoldingItInItsOnlyField() {
    MethodCorrespondence m = legacyToModern.method("origin").orElseThrow();
    WrapperCorrespondence result = (WrapperCorrespondence) ((ResultCorrespondence.Value) m.response()).value();
    assertEquals(Side.BACKEND, result.wrapped());
    assertEquals("compat.modern.v1.OriginResponse", result.wrapper().qualifiedName());
    StructCorrespondence point = (StructCorrespondence) result.value();
    assertEquals("legacy.Point -> compat.modern.v1.Point", point.caller().qualifiedName() + " -> " + point.backend().qualifiedName());
  }

  @Test
  void recursiveStructCorrespondsOnceAndRefersToItself() {
    StructCorrespondence node = (StructCorrespondence) ((ResultCorrespondence.Value) legacyToModern.method("tree").orElseThrow().response()).value();
    ListCorrespondence children = (ListCorrespondence) node.fields().get(1).value();
    assertSame(node, children.element());
    assertEquals(1, legacyToModern.structs().stream().filter(x -> x.caller().qualifiedName().equals("legacy.Node")).count());
  }

  @Test
  void thriftArgumentsBindByIdWhenRenamedAndIntegersNarrowOnlyWhereRangesDiffer() {
    FieldCorrespondence text = thriftToThrift.method("post").orElseThrow().request().fields().get(0);
    assertEquals("text -> body by ID", text.caller().name() + " -> " + text.backend().name() + " by " + text.match());
    StructCorrespondence note = (StructCorrespondence) ((ResultCorrespondence.Value) protoToProto.method("Notify").orElseThrow().response()).value();
    assertEquals(new ScalarCorrespondence(Scalar.INT64, Scalar.INT32, true, false), note.fields().get(0).value());
    assertTrue(thriftToThrift.method("forget").orElseThrow().forwardOnly());
  }

  @Test
  void onewayCallerMethodIsForwardedWithoutWaiting() {
    MethodCorrespondence m = legacyToModern.method("touch").orElseThrow();
    assertTrue(m.forwardOnly());
    assertInstanceOf(ResultCorrespondence.Empty.class, m.response());
    assertInstanceOf(ResultCorrespondence.Empty.class, feedToThrift.method("Forget").orElseThrow().response());
  }

  @Test
  void sameServiceOnBothSidesIsIdentity() {
    for (String name : List.of("legacy.Legacy", "compat.modern.v1.Modern", "feed.Feed", "compat.feed.v1.Feed")) {
      CompatibilityReport r = Compatibility.check(schema, schema.requireService(name), schema.requireService(name));
      assertEquals(List.of(), r.problems(), name);
      assertEquals(r.caller().methods().size(), r.methods().size(), name);
      for (StructCorrespondence s : r.structs()) {
        assertEquals(s.caller(), s.backend());
        for (FieldCorrespondence f : s.fields()) assertEquals(f.caller(), f.backend());
      }
    }
  }
}
