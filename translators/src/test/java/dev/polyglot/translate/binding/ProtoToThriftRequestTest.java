package dev.polyglot.translate.binding;

import static dev.polyglot.translate.binding.Interop.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.TranscodeException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A proto caller of the Thrift interop backend: requests built with protobuf-java's {@link
 * DynamicMessage} are translated, then read field by field with libthrift ({@link ThriftText}).
 */
class ProtoToThriftRequestTest {

  private static DynamicMessage msg(String type, Object... fieldsAndValues) {
    Descriptor d = Interop.descriptor(type);
    DynamicMessage.Builder b = message(type);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      var f = d.findFieldByName((String) fieldsAndValues[i]);
      Object v = fieldsAndValues[i + 1];
      if (v instanceof String s && f.getType() == com.google.protobuf.Descriptors.FieldDescriptor.Type.ENUM) v = f.getEnumType().findValueByName(s);
      if (v instanceof java.util.List<?> list) for (Object e : list) b.addRepeatedField(f, e);
      else b.setField(f, v);
    }
    return b.build();
  }

  private static String toThrift(String method, DynamicMessage request) throws Exception {
    return toThrift(method, request, false);
  }

  private static String toThrift(String method, DynamicMessage request, boolean compact) throws Exception {
    byte[] out = Interop.protoToThrift(method).translateRequest(request.toByteArray(), WireFormat.PROTOBUF,
        compact ? WireFormat.THRIFT_COMPACT : WireFormat.THRIFT_BINARY);
    return ThriftText.read(compact, out);
  }

  private static String error(String method, DynamicMessage request) {
    return assertThrows(TranscodeException.class,
        () -> Interop.protoToThrift(method).translateRequest(request.toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY)).getMessage();
  }

  @Test
  void absentImplicitFieldsReachThriftAsZeroValuesNotTheIdlDefaults() throws Exception {
    DynamicMessage item = msg("Item", "sku", "A-1");

    String thrift = toThrift("EchoItem", msg("EchoItemRequest", "item", item));

    // quantity = 1 and origin = "warehouse" are the Thrift defaults; the proto caller said 0 and "".
    assertEquals("{1: {1: \"A-1\", 3: i32 0, 9: [], 12: \"\"}}", thrift);
  }

  @Test
  void explicitPresenceIsKeptAndProtoZeroEnumMeansUnset() throws Exception {
    DynamicMessage dims = msg("Dimensions", "width_cm", 3, "depth_cm", 0);
    DynamicMessage item = msg("Item", "sku", "B", "description", "", "quantity", 5, "packaging", dims,
        "tier", "MEMBER_TIER_UNSPECIFIED", "tags", java.util.List.of("t"), "origin", "dock");

    String thrift = toThrift("EchoItem", msg("EchoItemRequest", "item", item), true);

    assertEquals("{1: {1: \"B\", 2: \"\", 3: i32 5, 7: {1: i32 3, 5: i32 0, 2: i32 0}, 9: [\"t\"], 12: \"dock\"}}", thrift);
  }

  @Test
  void enumValuesCrossByName() throws Exception {
    assertEquals("{1: i32 20}", toThrift("EchoEnum", msg("EchoEnumRequest", "value", "MEMBER_TIER_PLATINUM")));
    assertEquals("{}", toThrift("EchoEnum", msg("EchoEnumRequest")));
  }

  @Test
  void anEnumNumberTheThriftEnumLacksIsRejectedWithItsPath() {
    Descriptor all = Interop.descriptor("AllTypes");
    DynamicMessage value = message("AllTypes")
        .setField(all.findFieldByName("tier"), all.findFieldByName("tier").getEnumType().findValueByNumberCreatingIfUnknown(7))
        .build();

    assertEquals("value.tier: enum number 7 of polyglot.interop.v1.MemberTier has no counterpart in interop.MemberTier"
        + " (expected: one of MEMBER_TIER_BRONZE, MEMBER_TIER_SILVER, MEMBER_TIER_GOLD, MEMBER_TIER_PLATINUM)",
        error("EchoAllTypes", msg("EchoAllTypesRequest", "value", value)));
  }

  static Stream<Arguments> narrowing() {
    return Stream.of(
        Arguments.of("EchoByte", "EchoByteRequest", 128, "value: 128 is out of range (expected: an i8 between -128 and 127)"),
        Arguments.of("EchoByte", "EchoByteRequest", -129, "value: -129 is out of range (expected: an i8 between -128 and 127)"),
        Arguments.of("EchoI16", "EchoI16Request", 32768, "value: 32768 is out of range (expected: an i16 between -32768 and 32767)"),
        Arguments.of("EchoI16", "EchoI16Request", -32769, "value: -32769 is out of range (expected: an i16 between -32768 and 32767)"));
  }

  @ParameterizedTest
  @MethodSource("narrowing")
  void aValueTooWideForTheThriftTypeIsRejectedNamingTheRange(String method, String type, int value, String expected) {
    assertEquals(expected, error(method, msg(type, "value", value)));
  }

  @Test
  void narrowingLimitsThemselvesCross() throws Exception {
    assertEquals("{1: i8 -128}", toThrift("EchoByte", msg("EchoByteRequest", "value", -128)));
    assertEquals("{1: i16 32767}", toThrift("EchoI16", msg("EchoI16Request", "value", 32767)));
  }

  @Test
  void duplicatesTowardAThriftSetAreRejected() throws Exception {
    assertEquals("{1: set[\"a\", \"b\"]}", toThrift("EchoStringSet", msg("EchoStringSetRequest", "values", java.util.List.of("a", "b"))));
    assertEquals("values[2]: duplicate set element (expected: distinct elements)",
        error("EchoStringSet", msg("EchoStringSetRequest", "values", java.util.List.of("a", "b", "a"))));
  }

  @Test
  void aUuidStringMustBeCanonical() throws Exception {
    assertEquals("{1: uuid 123e4567-e89b-12d3-a456-426614174000}",
        toThrift("EchoUuid", msg("EchoUuidRequest", "value", "123E4567-E89B-12D3-A456-426614174000")));
    assertEquals("value: \"123e4567e89b12d3a456426614174000\" is not a UUID (expected: the canonical form, like 123e4567-e89b-12d3-a456-426614174000)",
        error("EchoUuid", msg("EchoUuidRequest", "value", "123e4567e89b12d3a456426614174000")));
  }

  @Test
  void wrapperMessagesAreStrippedIncludingEmptyOnes() throws Exception {
    DynamicMessage row = msg("Int32List", "values", java.util.List.of(1, 2));
    DynamicMessage empty = msg("Int32List");
    assertEquals("{1: [[i32 1, i32 2], []]}", toThrift("EchoMatrix", msg("EchoMatrixRequest", "matrix", java.util.List.of(row, empty))));

    Descriptor req = Interop.descriptor("EchoGroupsRequest");
    var entryType = req.findFieldByName("groups").getMessageType();
    DynamicMessage entry = DynamicMessage.newBuilder(entryType)
        .setField(entryType.findFieldByName("key"), "g")
        .setField(entryType.findFieldByName("value"), msg("Int64List", "values", java.util.List.of(5L)))
        .build();
    DynamicMessage bare = DynamicMessage.newBuilder(entryType).setField(entryType.findFieldByName("key"), "h").build();
    assertEquals("{1: map{\"g\" => [i64 5], \"h\" => []}}", toThrift("EchoGroups", message("EchoGroupsRequest").addRepeatedField(req.findFieldByName("groups"), entry).addRepeatedField(req.findFieldByName("groups"), bare).build()));
  }

  @Test
  void aOneofMemberBecomesTheUnionField() throws Exception {
    assertEquals("{1: {2: i64 0}}", toThrift("EchoUnion", msg("EchoUnionRequest", "payload", msg("Payload", "number", 0L))));
    // An empty bytes member is still set (oneof members have presence): payload { data: "" }, by hand.
    byte[] emptyData = {0x0A, 0x02, 0x1A, 0x00};
    assertEquals("{1: {3: \"\"}}", ThriftText.read(Interop.protoToThrift("EchoUnion").translateRequest(emptyData, WireFormat.PROTOBUF, WireFormat.THRIFT_BINARY)));
    assertEquals("{1: {5: {1: \"\", 3: i32 0, 9: [], 12: \"\"}}}", toThrift("EchoUnion", msg("EchoUnionRequest", "payload", msg("Payload", "item", msg("Item")))));
  }

  @Test
  void aMebibyteOfBytesCrossesWhole() throws Exception {
    byte[] blob = new byte[1 << 20];
    for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i ^ (i >>> 8));
    DynamicMessage request = msg("EchoBinaryRequest", "value", com.google.protobuf.ByteString.copyFrom(blob));

    byte[] out = Interop.protoToThrift("EchoBinary").translateRequest(request.toByteArray(), WireFormat.PROTOBUF, WireFormat.THRIFT_COMPACT);

    org.apache.thrift.protocol.TProtocol in = Interop.thriftReader(true, out);
    in.readStructBegin();
    org.apache.thrift.protocol.TField f = in.readFieldBegin();
    assertEquals(1, f.id);
    assertEquals(org.apache.thrift.protocol.TType.STRING, f.type);
    java.nio.ByteBuffer value = in.readBinary();
    byte[] got = new byte[value.remaining()];
    value.get(got);
    org.junit.jupiter.api.Assertions.assertArrayEquals(blob, got);
    assertEquals(org.apache.thrift.protocol.TType.STOP, in.readFieldBegin().type);
  }

  @Test
  void anIntegerFromProtoJsonIsRangeCheckedToo() {
    byte[] json = "{\"value\": 1000}".getBytes(StandardCharsets.UTF_8);

    TranscodeException e = assertThrows(TranscodeException.class,
        () -> Interop.protoToThrift("EchoByte").translateRequest(json, WireFormat.PROTO_JSON, WireFormat.THRIFT_COMPACT));

    assertEquals("value: 1000 is out of range (expected: an i8 between -128 and 127)", e.getMessage());
  }
}
