package dev.polyglot.translate.binding;

import static dev.polyglot.translate.binding.Interop.thrift;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.translate.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;

/** Canonical request bytes for cache keys: equal values give equal bytes, different values differ. */
class CanonicalRequestTest {
  private static final MethodBinding TO_THRIFT = Interop.protoToThrift("EchoContainers");
  private static final MethodBinding TO_PROTO = Interop.thriftToProto("echoContainers");

  /** echoContainers_args with names, counts and labels, in the given field, set and map orders. */
  private static byte[] containers(boolean fieldsReversed, String[] names, String[] countKeys, String changedLabel) throws Exception {
    return thrift(o -> {
      o.writeStructBegin(new TStruct("args"));
      o.writeFieldBegin(new TField("value", TType.STRUCT, (short) 1));
      o.writeStructBegin(new TStruct("Containers"));
      if (fieldsReversed) {
        labels(o, changedLabel);
        counts(o, countKeys);
        names(o, names);
      } else {
        names(o, names);
        counts(o, countKeys);
        labels(o, changedLabel);
      }
      o.writeFieldStop();
      o.writeStructEnd();
      o.writeFieldStop();
      o.writeStructEnd();
    });
  }

  private static void names(TProtocol o, String[] names) throws Exception {
    o.writeFieldBegin(new TField("names", TType.SET, (short) 2));
    o.writeSetBegin(new TSet(TType.STRING, names.length));
    for (String n : names) o.writeString(n);
  }

  private static void counts(TProtocol o, String[] keys) throws Exception {
    o.writeFieldBegin(new TField("counts", TType.MAP, (short) 3));
    o.writeMapBegin(new TMap(TType.STRING, TType.I64, keys.length));
    for (String k : keys) {
      o.writeString(k);
      o.writeI64(k.length());
    }
  }

  private static void labels(TProtocol o, String label) throws Exception {
    o.writeFieldBegin(new TField("labels", TType.MAP, (short) 6));
    o.writeMapBegin(new TMap(TType.I32, TType.STRING, 1));
    o.writeI32(1);
    o.writeString(label);
  }

  @Test
  void reorderedFieldsSetsAndMapsOfAThriftRequestAreEqual() throws Exception {
    byte[] a = containers(false, new String[] {"x", "y", "z"}, new String[] {"bb", "a"}, "one");
    byte[] b = containers(true, new String[] {"z", "x", "y"}, new String[] {"a", "bb"}, "one");
    byte[] different = containers(false, new String[] {"x", "y", "z"}, new String[] {"bb", "a"}, "two");

    byte[] ca = TO_THRIFT.canonicalRequest(a, WireFormat.THRIFT_BINARY);
    byte[] cb = TO_THRIFT.canonicalRequest(b, WireFormat.THRIFT_BINARY);

    assertFalse(Arrays.equals(a, b));
    assertArrayEquals(ca, cb);
    assertFalse(Arrays.equals(ca, TO_THRIFT.canonicalRequest(different, WireFormat.THRIFT_BINARY)));
    assertEquals("{1: {2: set[\"x\", \"y\", \"z\"], 3: map{\"a\" => i64 1, \"bb\" => i64 2}, 6: map{i32 1 => \"one\"}}}", ThriftText.read(ca));
  }

  @Test
  void mapEntryOrderAndExplicitProtoZeroesDoNotChangeAProtoKey() throws Exception {
    Descriptor req = Interop.descriptor("EchoContainersRequest");
    Descriptor containers = Interop.descriptor("Containers");
    var counts = containers.findFieldByName("counts");
    Descriptor entry = counts.getMessageType();
    DynamicMessage e1 = DynamicMessage.newBuilder(entry).setField(entry.findFieldByName("key"), "a").setField(entry.findFieldByName("value"), 1L).build();
    DynamicMessage e2 = DynamicMessage.newBuilder(entry).setField(entry.findFieldByName("key"), "b").setField(entry.findFieldByName("value"), 2L).build();
    DynamicMessage v1 = DynamicMessage.newBuilder(containers).addRepeatedField(counts, e1).addRepeatedField(counts, e2).build();
    DynamicMessage v2 = DynamicMessage.newBuilder(containers).addRepeatedField(counts, e2).addRepeatedField(counts, e1).build();
    byte[] r1 = DynamicMessage.newBuilder(req).setField(req.findFieldByName("value"), v1).build().toByteArray();
    byte[] r2 = DynamicMessage.newBuilder(req).setField(req.findFieldByName("value"), v2).build().toByteArray();

    assertFalse(Arrays.equals(r1, r2));
    assertArrayEquals(TO_PROTO.canonicalRequest(r1, WireFormat.PROTOBUF), TO_PROTO.canonicalRequest(r2, WireFormat.PROTOBUF));
    assertArrayEquals(r1, TO_PROTO.canonicalRequest(r2, WireFormat.PROTOBUF));

    MethodBinding add = Interop.thriftToProto("add");
    byte[] explicitZero = {0x08, 0x00, 0x18, 0x05}; // left: 0 written out, right: 5
    byte[] implicitZero = {0x18, 0x05};
    byte[] six = {0x18, 0x06};
    assertArrayEquals(add.canonicalRequest(implicitZero, WireFormat.PROTOBUF), add.canonicalRequest(explicitZero, WireFormat.PROTOBUF));
    assertFalse(Arrays.equals(add.canonicalRequest(implicitZero, WireFormat.PROTOBUF), add.canonicalRequest(six, WireFormat.PROTOBUF)));
  }

  @Test
  void theCallersProtocolDoesNotChangeTheKey() throws Exception {
    MethodBinding reserve = Interop.thriftToProto("reserve");
    byte[] fromJson = reserve.translateRequest("{\"quantity\": 3, \"sku\": \"s\"}".getBytes(StandardCharsets.UTF_8), WireFormat.THRIFT_JSON, WireFormat.PROTOBUF);
    byte[] fromBinary = reserve.translateRequest(thrift(o -> {
      o.writeStructBegin(new TStruct("args"));
      o.writeFieldBegin(new TField("quantity", TType.I32, (short) 3));
      o.writeI32(3);
      o.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
      o.writeString("s");
      o.writeFieldStop();
      o.writeStructEnd();
    }), WireFormat.THRIFT_BINARY, WireFormat.PROTOBUF);

    assertArrayEquals(reserve.canonicalRequest(fromJson, WireFormat.PROTOBUF), reserve.canonicalRequest(fromBinary, WireFormat.PROTOBUF));
  }
}
