package dev.polyglot.bench;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.StructPlan;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Proto3 JSON ↔ protobuf binary for the {@code bench.v1.Order} message of {@code bench/order.proto},
 * in three sizes ({@link #size}): {@code SMALL} (id, timestamp, customer, total, status: 93 B of
 * protobuf, 182 B of JSON), {@code ORDER} (10 line items with dimensions, 5 map entries, 4 tags, a
 * 64-byte signature, 20 related ids: 842 B / 1,764 B) and {@code LARGE} (the same with 140 line
 * items: 7,108 B / 15,903 B; setup prints the sizes). Each direction is measured two ways on the
 * same bytes:
 *
 * <ul>
 *   <li>ours: {@link Transcoder#transcode(StructPlan, WireFormat, WireFormat, byte[])} between
 *       {@link WireFormat#PROTO_JSON} and {@link WireFormat#PROTOBUF} (the gateway's path: one pass,
 *       per-thread reader and writer reused, fresh output array);
 *   <li>the baseline: protobuf-java-util's {@link JsonFormat} over a {@link DynamicMessage} —
 *       {@code parser().merge} into a {@code DynamicMessage.Builder} then {@code toByteArray()}, and
 *       {@code DynamicMessage.parseFrom} then {@code printer().print}. The parser and the compact
 *       printer ({@code omittingInsignificantWhitespace()}, the same layout as ours) are built once.
 *       Both directions include the UTF-8 conversion between {@code byte[]} and the {@code String}
 *       JsonFormat works on, because the gateway holds bytes on both sides.
 * </ul>
 *
 * The JSON input is JsonFormat's own compact output. {@link #setUp()} fails unless, for every size,
 * both JSON → protobuf paths produce identical bytes and both protobuf → JSON paths produce
 * identical text. Run (from the repository root):
 *
 * <pre>
 * mvn -q -Pbench -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ProtoJson -f 1 -wi 3 -i 5 -w 2s -r 3s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProtoJsonBenchmark {
  @Param({"SMALL", "ORDER", "LARGE"})
  public String size;

  private StructPlan plan;
  private Descriptor descriptor;
  private Transcoder transcoder;
  private JsonFormat.Parser parser;
  private JsonFormat.Printer printer;
  private byte[] protobuf;
  private byte[] json;

  @Setup
  public void setUp() throws Exception {
    OrderWorkload workload = OrderWorkload.load();
    plan = workload.plan;
    descriptor = workload.descriptor;
    transcoder = Transcoder.standard();
    parser = JsonFormat.parser();
    printer = JsonFormat.printer().omittingInsignificantWhitespace();
    DynamicMessage order = workload.order(OrderWorkload.Size.valueOf(size));
    protobuf = order.toByteArray();
    json = printer.print(order).getBytes(StandardCharsets.UTF_8);

    byte[] ours = jsonToProtobufTranscoder();
    byte[] theirs = jsonToProtobufJsonFormat();
    if (!Arrays.equals(ours, theirs) || !Arrays.equals(ours, protobuf)) {
      throw new IllegalStateException(size + ": JSON → protobuf differs between the transcoder ("
          + ours.length + " B) and JsonFormat (" + theirs.length + " B)");
    }
    String oursJson = new String(protobufToJsonTranscoder(), StandardCharsets.UTF_8);
    String theirsJson = new String(protobufToJsonJsonFormat(), StandardCharsets.UTF_8);
    if (!oursJson.equals(theirsJson)) {
      throw new IllegalStateException(size + ": protobuf → JSON differs:\n  transcoder: " + oursJson + "\n  JsonFormat: " + theirsJson);
    }
    System.out.printf("%n%s: %d B protobuf, %d B JSON; both paths agree in both directions%n", size, protobuf.length, json.length);
  }

  @Benchmark
  public byte[] jsonToProtobufTranscoder() {
    return transcoder.transcode(plan, WireFormat.PROTO_JSON, WireFormat.PROTOBUF, json);
  }

  @Benchmark
  public byte[] jsonToProtobufJsonFormat() throws InvalidProtocolBufferException {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(descriptor);
    parser.merge(new String(json, StandardCharsets.UTF_8), b);
    return b.build().toByteArray();
  }

  @Benchmark
  public byte[] protobufToJsonTranscoder() {
    return transcoder.transcode(plan, WireFormat.PROTOBUF, WireFormat.PROTO_JSON, protobuf);
  }

  @Benchmark
  public byte[] protobufToJsonJsonFormat() throws InvalidProtocolBufferException {
    return printer.print(DynamicMessage.parseFrom(descriptor, protobuf)).getBytes(StandardCharsets.UTF_8);
  }
}
