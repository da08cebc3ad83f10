package dev.polyglot.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.polyglot.idl.IdlFile;
import dev.polyglot.idl.IdlKind;
import dev.polyglot.idl.IdlLoader;
import dev.polyglot.idl.Schema;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.protobuf.ProtobufWriter;
import dev.polyglot.translate.thrift.ThriftReader;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Thrift binary → protobuf for the order message ({@code bench/order.thrift} and its protobuf twin
 * {@code bench/order.proto}, same field numbers) in the three sizes of {@link OrderWorkload.Size}
 * ({@link #size}: {@code SMALL} id, timestamp, customer, total and status, 127 B of Thrift binary;
 * {@code ORDER} with 10 line items with nested dimensions, 5 string attributes, 4 tags, 20 related
 * ids and a 64-byte signature, 1,225 B; {@code LARGE} the same with 140 line items, 10,221 B),
 * measured two ways on the same bytes:
 *
 * <ul>
 *   <li>{@link #transcoder}: our streaming {@link ThriftReader} driving a {@link ProtobufWriter}
 *       (reused per thread, as the gateway does), output copied into a fresh array;
 *   <li>{@link #libthriftTreeThenDynamicMessage}: libthrift's {@link TBinaryProtocol} decoding into a
 *       tree of maps and lists, a protobuf-java {@link DynamicMessage} built from it by field
 *       number, then serialized.
 * </ul>
 *
 * The setup checks that both produce identical bytes, equal to protobuf-java's encoding of the same
 * order built independently ({@link OrderWorkload#order}). Run (from the repository root):
 *
 * <pre>
 * mvn -q -Pbench -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ThriftToProtobuf -f 1 -wi 3 -i 5 -w 2s -r 3s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThriftToProtobufBenchmark {
  @Param({"SMALL", "ORDER", "LARGE"})
  public String size;

  private byte[] thriftBinary;
  private StructPlan orderPlan;
  private Descriptor orderDescriptor;
  private ThriftReader reader;
  private ProtobufWriter writer;

  @Setup
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("bench-idl");
    Path thrift = copy("order.thrift", dir);
    Path proto = copy("order.proto", dir);
    Schema schema = IdlLoader.withIncludePaths(List.of(dir)).load(List.of(thrift, proto));
    orderPlan = Plans.of(schema).struct("order.Order");
    FileDescriptor file = null;
    for (IdlFile f : schema.files()) {
      if (f.idl() == IdlKind.PROTO && f.path().endsWith("order.proto")) {
        file = FileDescriptor.buildFrom(FileDescriptorProto.parseFrom(f.descriptor()), new FileDescriptor[0]);
      }
    }
    orderDescriptor = file.findMessageTypeByName("Order");
    OrderWorkload.Size workload = OrderWorkload.Size.valueOf(size);
    thriftBinary = sampleOrder(workload);
    reader = ThriftReader.binary(Limits.DEFAULT);
    writer = ProtobufWriter.create();
    byte[] ours = transcoder();
    byte[] theirs = libthriftTreeThenDynamicMessage();
    if (!Arrays.equals(ours, theirs)) throw new IllegalStateException(size + ": the two paths disagree");
    byte[] expected = OrderWorkload.load().order(workload).toByteArray();
    if (!Arrays.equals(ours, expected)) throw new IllegalStateException(size + ": both paths differ from protobuf-java's encoding of the order");
    System.out.printf("%n%s: %d B Thrift binary, %d B protobuf; both paths agree%n", size, thriftBinary.length, ours.length);
  }

  private static Path copy(String name, Path dir) throws Exception {
    Path target = dir.resolve(name);
    try (InputStream in = ThriftToProtobufBenchmark.class.getResourceAsStream("/bench/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Benchmark
  public byte[] transcoder() {
    writer.reset(orderPlan);
    reader.read(thriftBinary, 0, thriftBinary.length, orderPlan, writer);
    return writer.toByteArray();
  }

  @Benchmark
  public byte[] libthriftTreeThenDynamicMessage() throws TException {
    TProtocol p = new TBinaryProtocol(new TMemoryInputTransport(thriftBinary));
    Map<Short, Object> tree = readStruct(p);
    return toMessage(orderDescriptor, tree).toByteArray();
  }

  // ---- the tree path ----

  private static Map<Short, Object> readStruct(TProtocol p) throws TException {
    Map<Short, Object> fields = new HashMap<>();
    p.readStructBegin();
    while (true) {
      TField f = p.readFieldBegin();
      if (f.type == TType.STOP) break;
      fields.put(f.id, readValue(p, f.type));
      p.readFieldEnd();
    }
    p.readStructEnd();
    return fields;
  }

  private static Object readValue(TProtocol p, byte type) throws TException {
    switch (type) {
      case TType.BOOL:
        return p.readBool();
      case TType.BYTE:
        return p.readByte();
      case TType.I16:
        return p.readI16();
      case TType.I32:
        return p.readI32();
      case TType.I64:
        return p.readI64();
      case TType.DOUBLE:
        return p.readDouble();
      case TType.STRING:
        return p.readBinary();
      case TType.STRUCT:
        return readStruct(p);
      case TType.LIST:
      case TType.SET:
        {
          TList l = type == TType.LIST ? p.readListBegin() : new TList(p.readSetBegin().elemType, 0);
          List<Object> out = new ArrayList<>(l.size);
          for (int i = 0; i < l.size; i++) out.add(readValue(p, l.elemType));
          return out;
        }
      case TType.MAP:
        {
          TMap m = p.readMapBegin();
          Map<Object, Object> out = new LinkedHashMap<>();
          for (int i = 0; i < m.size; i++) out.put(readValue(p, m.keyType), readValue(p, m.valueType));
          p.readMapEnd();
          return out;
        }
      default:
        throw new TException("unexpected type " + type);
    }
  }

  @SuppressWarnings("unchecked")
  private static DynamicMessage toMessage(Descriptor d, Map<Short, Object> tree) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(d);
    for (FieldDescriptor fd : d.getFields()) {
      Object v = tree.get((short) fd.getNumber());
      if (v == null) continue;
      if (fd.isMapField()) {
        Descriptor entry = fd.getMessageType();
        FieldDescriptor k = entry.findFieldByNumber(1);
        FieldDescriptor val = entry.findFieldByNumber(2);
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
          b.addRepeatedField(fd, DynamicMessage.newBuilder(entry).setField(k, convert(k, e.getKey())).setField(val, convert(val, e.getValue())).build());
        }
      } else if (fd.isRepeated()) {
        for (Object e : (List<Object>) v) b.addRepeatedField(fd, convert(fd, e));
      } else {
        b.setField(fd, convert(fd, v));
      }
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static Object convert(FieldDescriptor fd, Object v) {
    switch (fd.getJavaType()) {
      case INT:
        return ((Number) v).intValue();
      case LONG:
        return ((Number) v).longValue();
      case FLOAT:
        return ((Number) v).floatValue();
      case DOUBLE:
      case BOOLEAN:
        return v;
      case STRING:
        return StandardCharsets.UTF_8.decode(((ByteBuffer) v).duplicate()).toString();
      case BYTE_STRING:
        return ByteString.copyFrom(((ByteBuffer) v).duplicate());
      case ENUM:
        return fd.getEnumType().findValueByNumber(((Number) v).intValue());
      case MESSAGE:
        return toMessage(fd.getMessageType(), (Map<Short, Object>) v);
    }
    throw new IllegalArgumentException(fd.getFullName());
  }

  // ---- the workload ----

  /** The order of {@code size} written field by field with libthrift, as a Thrift client would. */
  private static byte[] sampleOrder(OrderWorkload.Size size) throws TException {
    TMemoryBuffer buf = new TMemoryBuffer(1024);
    TProtocol p = new TBinaryProtocol(buf);
    p.writeStructBegin(new TStruct("Order"));
    p.writeFieldBegin(new TField("id", TType.STRING, (short) 1));
    p.writeString("ord-2026-11-21-000123");
    p.writeFieldBegin(new TField("created_ms", TType.I64, (short) 2));
    p.writeI64(1_795_000_000_000L);
    p.writeFieldBegin(new TField("customer", TType.STRUCT, (short) 3));
    p.writeStructBegin(new TStruct("Customer"));
    p.writeFieldBegin(new TField("id", TType.I64, (short) 1));
    p.writeI64(4_242_424_242L);
    p.writeFieldBegin(new TField("name", TType.STRING, (short) 2));
    p.writeString("Zoë Müller-Łukasiewicz");
    p.writeFieldBegin(new TField("email", TType.STRING, (short) 3));
    p.writeString("zoe@example.com");
    p.writeFieldStop();
    p.writeStructEnd();
    if (size.items > 0) {
      p.writeFieldBegin(new TField("items", TType.LIST, (short) 4));
      p.writeListBegin(new TList(TType.STRUCT, size.items));
    }
    for (int i = 0; i < size.items; i++) {
      p.writeStructBegin(new TStruct("LineItem"));
      p.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
      p.writeString("SKU-" + (100_000 + i * 7919));
      p.writeFieldBegin(new TField("quantity", TType.I32, (short) 2));
      p.writeI32(1 + i % 4);
      p.writeFieldBegin(new TField("unit_price", TType.DOUBLE, (short) 3));
      p.writeDouble(9.99 + i);
      p.writeFieldBegin(new TField("dims", TType.STRUCT, (short) 4));
      p.writeStructBegin(new TStruct("Dims"));
      p.writeFieldBegin(new TField("width_cm", TType.DOUBLE, (short) 1));
      p.writeDouble(10.5 + i);
      p.writeFieldBegin(new TField("height_cm", TType.DOUBLE, (short) 2));
      p.writeDouble(3.25);
      p.writeFieldBegin(new TField("weight_g", TType.I32, (short) 3));
      p.writeI32(250 + 10 * i);
      p.writeFieldStop();
      p.writeStructEnd();
      p.writeFieldStop();
      p.writeStructEnd();
    }
    if (size.full) writeAttributesAndTags(p);
    p.writeFieldBegin(new TField("total", TType.DOUBLE, (short) 7));
    p.writeDouble(1234.56);
    p.writeFieldBegin(new TField("status", TType.I32, (short) 8));
    p.writeI32(2);
    if (size.full) writeSignatureAndRelated(p);
    p.writeFieldStop();
    p.writeStructEnd();
    return Arrays.copyOf(buf.getArray(), buf.length());
  }

  private static void writeAttributesAndTags(TProtocol p) throws TException {
    p.writeFieldBegin(new TField("attributes", TType.MAP, (short) 5));
    p.writeMapBegin(new TMap(TType.STRING, TType.STRING, 5));
    String[] keys = {"channel", "locale", "coupon", "gift", "warehouse"};
    String[] values = {"web", "de-DE", "WINTER26", "yes", "FRA-3"};
    for (int i = 0; i < 5; i++) {
      p.writeString(keys[i]);
      p.writeString(values[i]);
    }
    p.writeFieldBegin(new TField("tags", TType.LIST, (short) 6));
    p.writeListBegin(new TList(TType.STRING, 4));
    for (String t : new String[] {"priority", "fragile", "eu", "repeat-customer"}) p.writeString(t);
  }

  private static void writeSignatureAndRelated(TProtocol p) throws TException {
    p.writeFieldBegin(new TField("signature", TType.STRING, (short) 9));
    byte[] sig = new byte[64];
    for (int i = 0; i < sig.length; i++) sig[i] = (byte) (i * 37);
    p.writeBinary(ByteBuffer.wrap(sig));
    p.writeFieldBegin(new TField("related", TType.LIST, (short) 10));
    p.writeListBegin(new TList(TType.I64, 20));
    for (int i = 0; i < 20; i++) p.writeI64(1_000_000L * i + 17);
  }
}
