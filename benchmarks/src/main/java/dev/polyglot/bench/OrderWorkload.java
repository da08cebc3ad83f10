package dev.polyglot.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The protobuf side of the benchmark workload: {@code bench/order.proto} loaded through our
 * {@link IdlLoader} (giving the {@link StructPlan} our transcoder runs on) and through protobuf-java
 * (giving the {@link Descriptor} the baselines run on), and the three sample orders as
 * {@link DynamicMessage}s. Built once per benchmark setup; not used on the measured path.
 */
final class OrderWorkload {
  /** The message sizes the JSON benchmarks run on. */
  enum Size {
    /** Id, timestamp, a customer, status and total: 93 B of protobuf, 182 B of JSON. */
    SMALL(0, false),
    /** The full order: 10 line items, attributes, tags, a signature, related ids (842 B / 1.7 KB). */
    ORDER(10, true),
    /** The full order with 140 line items (7,108 B of protobuf, 15,903 B of JSON). */
    LARGE(140, true);

    final int items;
    final boolean full;

    Size(int items, boolean full) {
      this.items = items;
      this.full = full;
    }
  }

  final StructPlan plan;
  final Descriptor descriptor;

  private OrderWorkload(StructPlan plan, Descriptor descriptor) {
    this.plan = plan;
    this.descriptor = descriptor;
  }

  /** Loads {@code bench/order.proto} from the classpath. */
  static OrderWorkload load() throws Exception {
    Path dir = Files.createTempDirectory("bench-idl");
    Path proto = copy("order.proto", dir);
    Schema schema = IdlLoader.withIncludePaths(List.of(dir)).load(List.of(proto));
    StructPlan plan = Plans.of(schema).struct("bench.v1.Order");
    FileDescriptor file = null;
    for (IdlFile f : schema.files()) {
      if (f.idl() == IdlKind.PROTO && f.path().endsWith("order.proto")) {
        file = FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(f.descriptor()), new FileDescriptor[0]);
      }
    }
    if (file == null) throw new IllegalStateException("order.proto is missing from the loaded schema");
    return new OrderWorkload(plan, file.findMessageTypeByName("Order"));
  }

  static Path copy(String name, Path dir) throws Exception {
    Path target = dir.resolve(name);
    try (InputStream in = OrderWorkload.class.getResourceAsStream("/bench/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  /** The sample order of {@code size}, with the same values as the Thrift benchmark's order. */
  DynamicMessage order(Size size) {
    Descriptor customerType = type("Customer");
    Descriptor itemType = type("LineItem");
    Descriptor dimsType = type("Dims");
    DynamicMessage.Builder b = DynamicMessage.newBuilder(descriptor);
    set(b, "id", "ord-2026-11-21-000123");
    set(b, "created_ms", 1_795_000_000_000L);
    DynamicMessage.Builder customer = DynamicMessage.newBuilder(customerType);
    set(customer, "id", 4_242_424_242L);
    set(customer, "name", "Zoë Müller-Łukasiewicz");
    set(customer, "email", "zoe@example.com");
    set(b, "customer", customer.build());
    for (int i = 0; i < size.items; i++) {
      DynamicMessage.Builder dims = DynamicMessage.newBuilder(dimsType);
      set(dims, "width_cm", 10.5 + i);
      set(dims, "height_cm", 3.25);
      set(dims, "weight_g", 250 + 10 * i);
      DynamicMessage.Builder item = DynamicMessage.newBuilder(itemType);
      set(item, "sku", "SKU-" + (100_000 + i * 7919));
      set(item, "quantity", 1 + i % 4);
      set(item, "unit_price", 9.99 + i);
      set(item, "dims", dims.build());
      b.addRepeatedField(descriptor.findFieldByName("items"), item.build());
    }
    if (size.full) {
      Descriptor entryType = descriptor.findFieldByName("attributes").getMessageType();
      String[] keys = {"channel", "locale", "coupon", "gift", "warehouse"};
      String[] values = {"web", "de-DE", "WINTER26", "yes", "FRA-3"};
      for (int i = 0; i < keys.length; i++) {
        DynamicMessage.Builder e = DynamicMessage.newBuilder(entryType);
        set(e, "key", keys[i]);
        set(e, "value", values[i]);
        b.addRepeatedField(descriptor.findFieldByName("attributes"), e.build());
      }
      for (String t : new String[] {"priority", "fragile", "eu", "repeat-customer"}) {
        b.addRepeatedField(descriptor.findFieldByName("tags"), t);
      }
    }
    set(b, "total", 1234.56);
    b.setField(descriptor.findFieldByName("status"), descriptor.getFile().findEnumTypeByName("Status").findValueByName("PAID"));
    if (size.full) {
      byte[] sig = new byte[64];
      for (int i = 0; i < sig.length; i++) sig[i] = (byte) (i * 37);
      set(b, "signature", ByteString.copyFrom(sig));
      for (int i = 0; i < 20; i++) b.addRepeatedField(descriptor.findFieldByName("related"), 1_000_000L * i + 17);
    }
    return b.build();
  }

  private Descriptor type(String name) {
    return descriptor.getFile().findMessageTypeByName(name);
  }

  private static void set(DynamicMessage.Builder b, String field, Object value) {
    b.setField(b.getDescriptorForType().findFieldByName(field), value);
  }
}
