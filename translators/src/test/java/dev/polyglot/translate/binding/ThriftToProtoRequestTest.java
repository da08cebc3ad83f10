package dev.polyglot.translate.binding;

import static dev.polyglot.translate.binding.Interop.message;
import static dev.polyglot.translate.binding.Interop.parse;
import static dev.polyglot.translate.binding.Interop.thrift;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.translate.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Thrift caller of the proto interop backend: request bytes written by libthrift are translated
 * and then parsed by protobuf-java's {@link DynamicMessage}, and compared with messages built
 * independently with protobuf-java.
 */
class ThriftToProtoRequestTest {
  static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  enum ThriftEncoding {
    BINARY(WireFormat.THRIFT_BINARY, false),
    COMPACT(WireFormat.THRIFT_COMPACT, true);

    final WireFormat format;
    final boolean compact;

    ThriftEncoding(WireFormat format, boolean compact) {
      this.format = format;
      this.compact = compact;
    }
  }

  private static void field(TProtocol out, String name, byte type, int id) throws Exception {
    out.writeFieldBegin(new TField(name, type, (short) id));
  }

  private static void allTypes(TProtocol o) throws Exception {
    o.writeStructBegin(new TStruct("AllTypes"));
    field(o, "bool_field", TType.BOOL, 1);
    o.writeBool(true);
    field(o, "byte_field", TType.BYTE, 2);
    o.writeByte(Byte.MIN_VALUE);
    field(o, "i16_field", TType.I16, 3);
    o.writeI16(Short.MAX_VALUE);
    field(o, "i32_field", TType.I32, 4);
    o.writeI32(Integer.MIN_VALUE);
    field(o, "i64_field", TType.I64, 6);
    o.writeI64(Long.MAX_VALUE);
    field(o, "double_field", TType.DOUBLE, 8);
    o.writeDouble(1e-292);
    field(o, "string_field", TType.STRING, 10);
    o.writeString("héllo, 世界 🌍");
    field(o, "binary_field", TType.STRING, 11);
    o.writeBinary(java.nio.ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xFF}));
    field(o, "uuid_field", TType.UUID, 13);
    o.writeUuid(ID);
    field(o, "tier", TType.I32, 15);
    o.writeI32(20); // PLATINUM
    field(o, "user_id", TType.I64, 16);
    o.writeI64(-42);
    o.writeFieldStop();
    o.writeStructEnd();
  }

  @ParameterizedTest
  @EnumSource(ThriftEncoding.class)
  void everyBaseTypeCrossesToTheProtoMessage(ThriftEncoding encoding) throws Exception {
    byte[] request = thrift(encoding.compact, o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "value", TType.STRUCT, 1);
      allTypes(o);
      o.writeFieldStop();
      o.writeStructEnd();
    });

    byte[] out = Interop.thriftToProto("echoAllTypes").translateRequest(request, encoding.format, WireFormat.PROTOBUF);

    Descriptor all = Interop.descriptor("AllTypes");
    DynamicMessage expectedValue = message("AllTypes")
        .setField(all.findFieldByName("bool_field"), true)
        .setField(all.findFieldByName("byte_field"), -128)
        .setField(all.findFieldByName("i16_field"), 32767)
        .setField(all.findFieldByName("i32_field"), Integer.MIN_VALUE)
        .setField(all.findFieldByName("i64_field"), Long.MAX_VALUE)
        .setField(all.findFieldByName("double_field"), 1e-292)
        .setField(all.findFieldByName("string_field"), "héllo, 世界 🌍")
        .setField(all.findFieldByName("binary_field"), ByteString.copyFrom(new byte[] {0, 1, (byte) 0xFF}))
        .setField(all.findFieldByName("uuid_field"), "123e4567-e89b-12d3-a456-426614174000")
        .setField(all.findFieldByName("tier"), all.findFieldByName("tier").getEnumType().findValueByName("MEMBER_TIER_PLATINUM"))
        .setField(all.findFieldByName("user_id"), -42L)
        .build();
    DynamicMessage expected = message("EchoAllTypesRequest").setField(Interop.descriptor("EchoAllTypesRequest").findFieldByName("value"), expectedValue).build();
    assertEquals(expected, parse("EchoAllTypesRequest", out));
    assertArrayEquals(expected.toByteArray(), out);
  }

  @ParameterizedTest
  @EnumSource(ThriftEncoding.class)
  void unsetOptionalFieldsStayUnsetAndNestedStructsCross(ThriftEncoding encoding) throws Exception {
    byte[] request = thrift(encoding.compact, o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "item", TType.STRUCT, 1);
      o.writeStructBegin(new TStruct("Item"));
      field(o, "sku", TType.STRING, 1);
      o.writeString("A-1");
      field(o, "dims", TType.STRUCT, 4);
      o.writeStructBegin(new TStruct("Dimensions"));
      field(o, "width_cm", TType.I32, 1);
      o.writeI32(10);
      field(o, "height_cm", TType.I32, 2);
      o.writeI32(0);
      o.writeFieldStop();
      o.writeStructEnd();
      field(o, "tags", TType.LIST, 9);
      o.writeListBegin(new TList(TType.STRING, 2));
      o.writeString("x");
      o.writeString("");
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });

    DynamicMessage got = parse("EchoItemRequest", Interop.thriftToProto("echoItem").translateRequest(request, encoding.format, WireFormat.PROTOBUF));

    DynamicMessage item = (DynamicMessage) got.getField(Interop.descriptor("EchoItemRequest").findFieldByName("item"));
    Descriptor d = Interop.descriptor("Item");
    assertEquals("A-1", item.getField(d.findFieldByName("sku")));
    assertFalse(item.hasField(d.findFieldByName("description")));
    assertFalse(item.hasField(d.findFieldByName("packaging")));
    assertFalse(item.hasField(d.findFieldByName("tier")));
    assertEquals(0, item.getField(d.findFieldByName("quantity")));
    assertEquals(java.util.List.of("x", ""), item.getField(d.findFieldByName("tags")));
    DynamicMessage dims = (DynamicMessage) item.getField(d.findFieldByName("dims"));
    assertEquals("width_cm: 10\n", dims.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5})
  void eachUnionMemberBecomesTheOneofMember(int member) throws Exception {
    byte[] request = thrift(o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "payload", TType.STRUCT, 1);
      o.writeStructBegin(new TStruct("Payload"));
      switch (member) {
        case 1 -> {
          field(o, "text", TType.STRING, 1);
          o.writeString("t");
        }
        case 2 -> {
          field(o, "number", TType.I64, 2);
          o.writeI64(0);
        }
        case 3 -> {
          field(o, "data", TType.STRING, 3);
          o.writeBinary(java.nio.ByteBuffer.wrap(new byte[0]));
        }
        default -> {
          field(o, "item", TType.STRUCT, 5);
          o.writeStructBegin(new TStruct("Item"));
          field(o, "sku", TType.STRING, 1);
          o.writeString("s");
          o.writeFieldStop();
          o.writeStructEnd();
        }
      }
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });

    DynamicMessage got = parse("EchoUnionRequest", Interop.thriftToProto("echoUnion").translateRequest(request, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF));

    DynamicMessage payload = (DynamicMessage) got.getField(Interop.descriptor("EchoUnionRequest").findFieldByName("payload"));
    Descriptor p = Interop.descriptor("Payload");
    var set = payload.getOneofFieldDescriptor(p.getOneofs().get(0));
    assertEquals(member, set.getNumber());
    Object expected = switch (member) {
      case 1 -> "t";
      case 2 -> 0L;
      case 3 -> ByteString.EMPTY;
      default -> message("Item").setField(Interop.descriptor("Item").findFieldByName("sku"), "s").build();
    };
    assertEquals(expected, payload.getField(set));
  }

  @Test
  void nestedContainersGoThroughTheWrapperMessages() throws Exception {
    byte[] request = thrift(o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "value", TType.STRUCT, 1);
      o.writeStructBegin(new TStruct("Containers"));
      field(o, "names", TType.SET, 2);
      o.writeSetBegin(new TSet(TType.STRING, 2));
      o.writeString("b");
      o.writeString("a");
      field(o, "matrix", TType.LIST, 4);
      o.writeListBegin(new TList(TType.LIST, 3));
      o.writeListBegin(new TList(TType.I32, 2));
      o.writeI32(1);
      o.writeI32(-2);
      o.writeListBegin(new TList(TType.I32, 0));
      o.writeListBegin(new TList(TType.I32, 1));
      o.writeI32(3);
      field(o, "groups", TType.MAP, 5);
      o.writeMapBegin(new TMap(TType.STRING, TType.LIST, 2));
      o.writeString("g1");
      o.writeListBegin(new TList(TType.I64, 1));
      o.writeI64(Long.MIN_VALUE);
      o.writeString("g2");
      o.writeListBegin(new TList(TType.I64, 0));
      field(o, "labels", TType.MAP, 6);
      o.writeMapBegin(new TMap(TType.I32, TType.STRING, 1));
      o.writeI32(-7);
      o.writeString("minus seven");
      field(o, "tiers", TType.SET, 8);
      o.writeSetBegin(new TSet(TType.I32, 2));
      o.writeI32(1);
      o.writeI32(8);
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });

    DynamicMessage got = parse("EchoContainersRequest", Interop.thriftToProto("echoContainers").translateRequest(request, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF));

    DynamicMessage value = (DynamicMessage) got.getField(Interop.descriptor("EchoContainersRequest").findFieldByName("value"));
    var groupsField = Interop.descriptor("Containers").findFieldByName("groups");
    java.util.Map<String, String> groups = new java.util.TreeMap<>();
    for (Object e : (java.util.List<?>) value.getField(groupsField)) {
      DynamicMessage entry = (DynamicMessage) e;
      groups.put((String) entry.getField(entry.getDescriptorForType().findFieldByName("key")),
          entry.getField(entry.getDescriptorForType().findFieldByName("value")).toString().trim());
    }
    assertEquals(java.util.Map.of("g1", "values: -9223372036854775808", "g2", ""), groups);
    assertEquals("""
        names: "b"
        names: "a"
        matrix {
          values: 1
          values: -2
        }
        matrix {
        }
        matrix {
          values: 3
        }
        labels {
          key: -7
          value: "minus seven"
        }
        tiers: MEMBER_TIER_BRONZE
        tiers: MEMBER_TIER_GOLD
        """, value.toBuilder().clearField(groupsField).build().toString());
  }

  @Test
  void aUuidBecomesItsCanonicalTextAndAMebibyteBinaryCrossesWhole() throws Exception {
    byte[] blob = new byte[1 << 20];
    for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 31);
    byte[] uuidRequest = thrift(o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "value", TType.UUID, 1);
      o.writeUuid(ID);
      o.writeFieldStop();
      o.writeStructEnd();
    });
    byte[] blobRequest = thrift(true, o -> {
      o.writeStructBegin(new TStruct("args"));
      field(o, "value", TType.STRING, 1);
      o.writeBinary(java.nio.ByteBuffer.wrap(blob));
      o.writeFieldStop();
      o.writeStructEnd();
    });

    DynamicMessage uuid = parse("EchoUuidRequest", Interop.thriftToProto("echoUuid").translateRequest(uuidRequest, WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF));
    DynamicMessage bin = parse("EchoBinaryRequest", Interop.thriftToProto("echoBinary").translateRequest(blobRequest, WireFormat.THRIFT_COMPACT, WireFormat.PROTOBUF));

    assertEquals("value: \"123e4567-e89b-12d3-a456-426614174000\"\n", uuid.toString());
    assertArrayEquals(blob, ((ByteString) bin.getField(Interop.descriptor("EchoBinaryRequest").findFieldByName("value"))).toByteArray());
  }

  @Test
  void aThriftJsonCallerReachesTheProtobufBackend() throws Exception {
    byte[] json = """
        {"value": {"bool_field": true, "byte_field": -1, "i64_field": "9007199254740993", "double_field": "NaN",
         "uuid_field": "123e4567-e89b-12d3-a456-426614174000", "tier": "SILVER", "string_field": "ünï"}}
        """.getBytes(StandardCharsets.UTF_8);

    DynamicMessage got = parse("EchoAllTypesRequest", Interop.thriftToProto("echoAllTypes").translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.PROTOBUF));

    assertEquals("""
        value {
          bool_field: true
          byte_field: -1
          i64_field: 9007199254740993
          double_field: NaN
          string_field: "\\303\\274n\\303\\257"
          uuid_field: "123e4567-e89b-12d3-a456-426614174000"
          tier: MEMBER_TIER_SILVER
        }
        """, got.toString());
  }

  @Test
  void aThriftJsonCallerGetsProto3JsonForAProtoJsonBackend() {
    byte[] json = "{\"sku\": \"A-1\", \"quantity\": 3}".getBytes(StandardCharsets.UTF_8);

    byte[] out = Interop.thriftToProto("reserve").translateRequest(json, WireFormat.THRIFT_JSON, WireFormat.PROTO_JSON);

    assertEquals("{\"sku\":\"A-1\",\"quantity\":3}", new String(out, StandardCharsets.UTF_8));
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
    return Arrays.copyOf(b, b.length);
  }
}
