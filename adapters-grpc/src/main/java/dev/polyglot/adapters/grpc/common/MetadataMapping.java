package dev.polyglot.adapters.grpc.common;

import io.grpc.Metadata;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Call metadata between gRPC headers and the neutral {@link dev.polyglot.gateway.call.Metadata}.
 * Headers that belong to one hop — HTTP/2 and connection headers, {@code content-type},
 * {@code user-agent}, and every {@code grpc-*} header (timeout, encodings, status) — are not carried:
 * the next hop sets its own. Binary ({@code -bin}) values travel as unpadded base64, as gRPC writes
 * them on the wire. Thread-safe (stateless).
 */
public final class MetadataMapping {
  private static final Set<String> HOP_HEADERS = Set.of(
      "content-type", "user-agent", "te", "host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
      "content-length", "accept-encoding", "content-encoding");
  private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

  private MetadataMapping() {}

  /** Whether a header key is carried from one hop to the next. */
  public static boolean isForwarded(String key) {
    return !key.isEmpty() && key.charAt(0) != ':' && !key.startsWith("grpc-") && !HOP_HEADERS.contains(key);
  }

  /** Headers a gRPC caller sent, minus the hop headers, in order. */
  public static dev.polyglot.gateway.call.Metadata fromGrpc(Metadata headers) {
    Set<String> keys = headers.keys();
    if (keys.isEmpty()) return dev.polyglot.gateway.call.Metadata.EMPTY;
    dev.polyglot.gateway.call.Metadata.Builder out = dev.polyglot.gateway.call.Metadata.builder();
    for (String key : keys) {
      if (!isForwarded(key)) continue;
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        Iterable<byte[]> values = headers.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER));
        if (values != null) for (byte[] v : values) out.add(key, BASE64.encodeToString(v));
      } else {
        Iterable<String> values = headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        if (values != null) for (String v : values) out.add(key, v);
      }
    }
    return out.build();
  }

  /**
   * Headers for a call to a gRPC backend. Hop headers, keys gRPC does not accept, and {@code -bin}
   * values that are not base64 are left out rather than failing the call.
   */
  public static Metadata toGrpc(dev.polyglot.gateway.call.Metadata metadata) {
    Metadata out = new Metadata();
    for (Map.Entry<String, String> e : metadata.entries()) {
      String key = e.getKey();
      if (!isForwarded(key)) continue;
      try {
        if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          out.put(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), Base64.getDecoder().decode(e.getValue()));
        } else {
          out.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), e.getValue());
        }
      } catch (IllegalArgumentException skipped) {
        // Not a valid gRPC key or not base64: a header from another protocol that gRPC cannot carry.
      }
    }
    return out;
  }
}
