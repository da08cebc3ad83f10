package dev.polyglot.translate.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.idl.compat.Compatibility;
import dev.polyglot.idl.compat.CompatibilityReport;
import dev.polyglot.translate.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An HTTP proto3-JSON caller of the proto service routed to the same proto service, and one binding
 * shared by several threads.
 */
class ProtoViewCallerTest {
  private static final CompatibilityReport SAME = Compatibility.check(Interop.SCHEMA,
      Interop.SCHEMA.requireService(Interop.PROTO_SERVICE), Interop.SCHEMA.requireService(Interop.PROTO_SERVICE));

  private static MethodBinding bind(String method) {
    return MethodBinding.compile(Interop.BINDINGS, SAME.method(method).orElseThrow());
  }

  @Test
  void proto3JsonBecomesProtobufAndUnknownEnumNumbersOfAnOpenEnumPassThrough() throws Exception {
    byte[] json = "{\"value\": {\"tier\": 7, \"i64Field\": \"-1\", \"uuidField\": \"not checked: proto has no uuid\"}}".getBytes(StandardCharsets.UTF_8);

    byte[] out = bind("EchoAllTypes").translateRequest(json, WireFormat.PROTO_JSON, WireFormat.PROTOBUF);

    Descriptor all = Interop.descriptor("AllTypes");
    DynamicMessage value = Interop.message("AllTypes")
        .setField(all.findFieldByName("i64_field"), -1L)
        .setField(all.findFieldByName("uuid_field"), "not checked: proto has no uuid")
        .setField(all.findFieldByName("tier"), all.findFieldByName("tier").getEnumType().findValueByNumberCreatingIfUnknown(7))
        .build();
    assertEquals(value, Interop.parse("EchoAllTypesRequest", out).getField(Interop.descriptor("EchoAllTypesRequest").findFieldByName("value")));
  }

  @Test
  void aProtobufReplyBecomesProto3Json() {
    byte[] reply = {0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};

    assertEquals("{\"value\":\"-1\"}", new String(bind("Add").translateReply(reply, WireFormat.PROTOBUF, WireFormat.PROTO_JSON), StandardCharsets.UTF_8));
  }

  @Test
  void oneBindingServesManyThreadsAtOnce() throws Exception {
    MethodBinding reserve = Interop.thriftToProto("reserve");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int quantity = i;
        results.add(pool.submit(() -> reserve.translateRequest(
            ("{\"sku\": \"s" + quantity + "\", \"quantity\": " + quantity + "}").getBytes(StandardCharsets.UTF_8), WireFormat.THRIFT_JSON, WireFormat.PROTOBUF)));
      }
      Descriptor req = Interop.descriptor("ReserveRequest");
      for (int i = 0; i < results.size(); i++) {
        DynamicMessage expected = Interop.message("ReserveRequest")
            .setField(req.findFieldByName("sku"), "s" + i)
            .setField(req.findFieldByName("quantity"), i)
            .build();
        assertArrayEquals(expected.toByteArray(), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
