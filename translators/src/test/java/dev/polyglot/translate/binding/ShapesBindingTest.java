package dev.polyglot.translate.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture {@code binding/shapes.thrift} ↔ {@code binding/shapes.proto}: enum numbers that
 * differ (values match by name), a Thrift {@code required} field whose proto counterpart has
 * presence, i32 ← int64, uuid ↔ 16 bytes, double ↔ float and enum map keys carried as names.
 */
class ShapesBindingTest {
  static final Schema SCHEMA = load();
  static final BindingSchema BINDINGS = BindingSchema.of(SCHEMA);
  static final Descriptor PROBE = protoFile().findMessageTypeByName("Probe");
  static final Descriptor PROBE_REQUEST = PROBE.getFile().findMessageTypeByName("ProbeRequest");
  static final MethodBinding FROM_PROTO = bind("shapes.v1.ShapesService", "shapes.Shapes", "Probe");
  static final MethodBinding FROM_THRIFT = bind("shapes.Shapes", "shapes.v1.ShapesService", "probe");

  private static Schema load() {
    try {
      Path dir = Path.of(ShapesBindingTest.class.getResource("/binding/shapes.thrift").toURI()).getParent();
      return IdlLoader.withIncludePaths(List.of(dir)).load(List.of(dir.resolve("shapes.thrift"), dir.resolve("shapes.proto")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileDescriptor protoFile() {
    try {
      for (IdlFile f : SCHEMA.files()) {
        if (f.idl() == IdlKind.PROTO) return FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(f.descriptor()), new FileDescriptor[0]);
      }
      throw new IllegalStateException("no proto file");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodBinding bind(String caller, String backend, String method) {
    CompatibilityReport report = Compatibility.check(SCHEMA, SCHEMA.requireService(caller), SCHEMA.requireService(backend));
    if (!report.bridgeable()) throw new IllegalStateException(report.render());
    return MethodBinding.compile(BINDINGS, report.method(method).orElseThrow());
  }

  /** A ProbeRequest from proto3 JSON, encoded by protobuf-java. */
  private static byte[] protoRequest(String probeJson) throws Exception {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(PROBE_REQUEST);
    JsonFormat.parser().merge("{\"probe\": " + probeJson + "}", b);
    return b.build().toByteArray();
  }

  @Test
  void protoValuesReachThriftByNameWithNumbersRemapped() throws Exception {
    byte[] request = protoRequest("""
        {"name": "n", "count": "7", "color": "COLOR_RED", "token": "EjRWeJq83vASNFZ4mrze8A==",
         "ids": ["3", "1"], "namesByColor": {"GREEN": "g"}, "ratio": 0.5}
        """);

    byte[] out = FROM_PROTO.translateRequest(request, WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY);

    assertEquals("{1: {1: \"n\", 2: i32 7, 3: i32 1, 4: uuid 12345678-9abc-def0-1234-56789abcdef0, 5: set[i64 3, i64 1],"
        + " 6: map{i32 2 => \"g\"}, 7: double 0.5}}", ThriftText.read(out));
  }

  static Stream<Arguments> rejectedProtoRequests() {
    return Stream.of(
        Arguments.of("{\"name\": \"n\"}", "probe.count: required field is missing (expected: a value)"),
        Arguments.of("{\"count\": \"2147483648\"}", "probe.count: 2147483648 is out of range (expected: an i32 between -2147483648 and 2147483647)"),
        Arguments.of("{\"count\": 1, \"token\": \"AAE=\"}", "probe.token: 2 bytes are not a UUID (expected: 16 bytes)"),
        Arguments.of("{\"count\": 1, \"ids\": [\"5\", \"5\"]}", "probe.ids[1]: duplicate set element (expected: distinct elements)"),
        Arguments.of("{\"count\": 1, \"namesByColor\": {\"PURPLE\": \"p\"}}",
            "probe.names_by_color{#0}: \"PURPLE\" is not a value of enum shapes.Color (expected: one of RED, GREEN, BLUE)"));
  }

  @ParameterizedTest
  @MethodSource("rejectedProtoRequests")
  void protoRequestsThriftCannotHoldAreRejectedWithTheirPath(String probeJson, String expected) throws Exception {
    byte[] request = protoRequest(probeJson);

    TranscodeException e = assertThrows(TranscodeException.class, () -> FROM_PROTO.translateRequest(request, WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT));

    assertEquals(expected, e.getMessage());
  }

  @Test
  void thriftValuesReachProtoByName() throws Exception {
    byte[] json = """
        {"probe": {"name": "n", "count": -3, "color": "BLUE", "token": "12345678-9abc-def0-1234-56789abcdef0",
         "ids": [9], "names_by_color": {"1": "red"}, "ratio": -0.0}}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    byte[] out = FROM_THRIFT.translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.PROTOBUF);

    DynamicMessage probe = (DynamicMessage) DynamicMessage.parseFrom(PROBE_REQUEST, out).getField(PROBE_REQUEST.findFieldByName("probe"));
    assertEquals("n", probe.getField(PROBE.findFieldByName("name")));
    assertEquals(-3L, probe.getField(PROBE.findFieldByName("count")));
    assertEquals("COLOR_BLUE", ((com.google.protobuf.Descriptors.EnumValueDescriptor) probe.getField(PROBE.findFieldByName("color"))).getName());
    assertEquals(ByteString.fromHex("123456789abcdef0123456789abcdef0"), probe.getField(PROBE.findFieldByName("token")));
    assertEquals(List.of(9L), probe.getField(PROBE.findFieldByName("ids")));
    DynamicMessage entry = (DynamicMessage) ((List<?>) probe.getField(PROBE.findFieldByName("names_by_color"))).get(0);
    assertEquals("key: \"RED\"\nvalue: \"red\"\n", entry.toString());
    assertEquals(-0.0f, probe.getField(PROBE.findFieldByName("ratio")));
  }

  @Test
  void aDoubleBeyondFloatRangeIsRejectedTowardProto() {
    byte[] json = "{\"probe\": {\"name\": \"n\", \"count\": 1, \"ratio\": 1e300}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    TranscodeException e = assertThrows(TranscodeException.class, () -> FROM_THRIFT.translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.PROTOBUF));

    assertEquals("probe.ratio: 1.0E300 is out of range (expected: a float between -3.4028235E38 and 3.4028235E38)", e.getMessage());
  }

  @Test
  void aThriftRequiredFieldMissingFromAThriftJsonCallerIsNamed() {
    byte[] json = "{\"probe\": {\"count\": 1}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    TranscodeException e = assertThrows(TranscodeException.class, () -> FROM_THRIFT.translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.PROTOBUF));

    assertEquals("probe: required field name (id 1) of shapes.Probe is missing (expected: a value)", e.getMessage());
  }

  @Test
  void aThriftExceptionWithoutProtoDetailSupportStillCrossesWithItsAnnotatedCode() throws Exception {
    byte[] rejected = Interop.thrift(o -> {
      o.writeStructBegin(new org.apache.thrift.protocol.TStruct("Rejected"));
      o.writeFieldBegin(new org.apache.thrift.protocol.TField("reason", org.apache.thrift.protocol.TType.STRING, (short) 1));
      o.writeString("not yours");
      o.writeFieldBegin(new org.apache.thrift.protocol.TField("code", org.apache.thrift.protocol.TType.I32, (short) 2));
      o.writeI32(-1);
      o.writeFieldStop();
      o.writeStructEnd();
    });

    Status out = FROM_PROTO.translateError(Status.of(StatusCode.UNKNOWN, "", Status.Detail.of("shapes.Rejected", WireFormat.THRIFT_BINARY, rejected)), WireFormat.PROTOBUF);

    assertEquals(StatusCode.PERMISSION_DENIED, out.code());
    assertEquals("not yours", out.message());
    Descriptor type = PROBE.getFile().findMessageTypeByName("Rejected");
    assertEquals("reason: \"not yours\"\ncode: -1\n", DynamicMessage.parseFrom(type, out.detail().orElseThrow().payload()).toString());
  }

  @Test
  void aThriftExceptionWithoutAProtoMessageCrossesAsItsCodeAndMessage() throws Exception {
    byte[] gone = Interop.thrift(o -> {
      o.writeStructBegin(new org.apache.thrift.protocol.TStruct("Gone"));
      o.writeFieldBegin(new org.apache.thrift.protocol.TField("message", org.apache.thrift.protocol.TType.STRING, (short) 1));
      o.writeString("gone away");
      o.writeFieldStop();
      o.writeStructEnd();
    });

    Status out = FROM_PROTO.translateError(Status.of(StatusCode.UNKNOWN, "", Status.Detail.of("shapes.Gone", WireFormat.THRIFT_BINARY, gone)), WireFormat.PROTOBUF);

    assertEquals(Status.of(StatusCode.NOT_FOUND, "gone away"), out);
  }

  @Test
  void aRecursiveTypeCrossesAtEveryDepthBothWays() throws Exception {
    Descriptor treeRequest = PROBE.getFile().findMessageTypeByName("TreeRequest");
    DynamicMessage.Builder b = DynamicMessage.newBuilder(treeRequest);
    JsonFormat.parser().merge("{\"root\": {\"name\": \"a\", \"children\": [{\"name\": \"b\", \"children\": [{\"name\": \"c\"}]}, {}]}}", b);

    byte[] thrift = bind("shapes.v1.ShapesService", "shapes.Shapes", "Tree").translateRequest(b.build().toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY);

    assertEquals("{1: {1: \"a\", 2: [{1: \"b\", 2: [{1: \"c\", 2: []}]}, {1: \"\", 2: []}]}}", ThriftText.read(thrift));
    byte[] back = bind("shapes.Shapes", "shapes.v1.ShapesService", "tree").translateRequest(thrift, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF);
    assertEquals(b.build(), DynamicMessage.parseFrom(treeRequest, back));
  }
}
