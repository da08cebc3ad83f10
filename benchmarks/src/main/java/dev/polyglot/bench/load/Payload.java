package dev.polyglot.bench.load;

import com.google.protobuf.ByteString;
import dev.polyglot.interop.v1.Dimensions;
import dev.polyglot.interop.v1.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The three request sizes of the load runs, each an echo method of the interop service whose reply
 * is as large as its request: about 100 B (a string), about 1 KB (a nested struct with a list, so
 * that translation walks several fields) and 16 KiB (one binary value).
 *
 * <p>Every value is built once, deterministically; clients encode it per call as a real client does.
 */
enum Payload {
  /** {@code echoString} of 100 ASCII characters. */
  B100("100 B", "echoString", "EchoString"),
  /** {@code echoItem} of an item with a 600-character description and ten tags: about 1 KB on the wire. */
  KB1("1 KB", "echoItem", "EchoItem"),
  /** {@code echoBinary} of 16,384 bytes. */
  KB16("16 KB", "echoBinary", "EchoBinary");

  static final String SKU = "SKU-0001234";
  static final int BINARY_BYTES = 16 * 1024;

  private final String label;
  private final String thriftMethod;
  private final String protoMethod;

  Payload(String label, String thriftMethod, String protoMethod) {
    this.label = label;
    this.thriftMethod = thriftMethod;
    this.protoMethod = protoMethod;
  }

  String label() {
    return label;
  }

  /** The method name on the Thrift service {@code interop.Interop}. */
  String thriftMethod() {
    return thriftMethod;
  }

  /** The rpc name on the proto service {@code polyglot.interop.v1.InteropService}. */
  String protoMethod() {
    return protoMethod;
  }

  static String text() {
    StringBuilder b = new StringBuilder(100);
    for (int i = 0; i < 100; i++) b.append((char) ('a' + i % 26));
    return b.toString();
  }

  static byte[] binary() {
    byte[] bytes = new byte[BINARY_BYTES];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31 + 7);
    return bytes;
  }

  static String description() {
    StringBuilder b = new StringBuilder(600);
    while (b.length() < 600) b.append("a sturdy crate of assorted parts, ");
    b.setLength(600);
    return b.toString();
  }

  static List<String> tags() {
    List<String> tags = new ArrayList<>(10);
    for (int i = 0; i < 10; i++) tags.add("tag-number-" + i + "-of-ten");
    return List.copyOf(tags);
  }

  static final int QUANTITY = 3;
  static final int WIDTH_CM = 10;
  static final int HEIGHT_CM = 20;
  static final String ORIGIN = "warehouse";

  static Item protoItem() {
    return Item.newBuilder()
        .setSku(SKU)
        .setDescription(description())
        .setQuantity(QUANTITY)
        .setDims(Dimensions.newBuilder().setWidthCm(WIDTH_CM).setHeightCm(HEIGHT_CM))
        .addAllTags(tags())
        .setOrigin(ORIGIN)
        .build();
  }

  static ByteString protoBinary() {
    return ByteString.copyFrom(binary());
  }

  /**
   * The JSON request body for {@code POST /<service>/<method>}.
   *
   * @param protoView true for the proto3 JSON mapping (lowerCamelCase), false for the Thrift view (IDL names)
   */
  byte[] jsonRequest(boolean protoView) {
    String json = switch (this) {
      case B100 -> "{\"value\":\"" + text() + "\"}";
      case KB16 -> "{\"value\":\"" + Base64.getEncoder().encodeToString(binary()) + "\"}";
      case KB1 -> {
        StringBuilder b = new StringBuilder(1200);
        b.append("{\"item\":{\"sku\":\"").append(SKU).append("\",\"description\":\"").append(description())
            .append("\",\"quantity\":").append(QUANTITY)
            .append(protoView ? ",\"dims\":{\"widthCm\":" : ",\"dims\":{\"width_cm\":").append(WIDTH_CM)
            .append(protoView ? ",\"heightCm\":" : ",\"height_cm\":").append(HEIGHT_CM)
            .append("},\"tags\":[");
        List<String> tags = tags();
        for (int i = 0; i < tags.size(); i++) b.append(i == 0 ? "\"" : ",\"").append(tags.get(i)).append('"');
        b.append("],\"origin\":\"").append(ORIGIN).append("\"}}");
        yield b.toString();
      }
    };
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A substring every correct JSON reply contains (the echoed value or a distinctive part of it). */
  String jsonReplyMarker() {
    return switch (this) {
      case B100 -> text();
      case KB16 -> Base64.getEncoder().encodeToString(binary()).substring(0, 64);
      case KB1 -> description();
    };
  }
}
