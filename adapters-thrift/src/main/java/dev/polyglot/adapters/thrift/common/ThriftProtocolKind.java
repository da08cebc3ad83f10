package dev.polyglot.adapters.thrift.common;

import dev.polyglot.gateway.config.ThriftEncoding;
import dev.polyglot.translate.WireFormat;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TTransport;

/**
 * The two Thrift encodings the gateway speaks, with the {@link WireFormat} their raw struct bytes
 * carry in the core. Binary reads both strict and non-strict messages and always writes strict ones
 * (every libthrift reader accepts strict messages).
 */
public enum ThriftProtocolKind {
  BINARY(WireFormat.THRIFT_BINARY),
  COMPACT(WireFormat.THRIFT_COMPACT);

  /** First byte of a compact message ({@code TCompactProtocol.PROTOCOL_ID}). */
  public static final int COMPACT_PROTOCOL_ID = 0x82;
  /** First byte of a strict binary message (the high byte of {@code VERSION_1}). */
  public static final int STRICT_BINARY_FIRST_BYTE = 0x80;

  private final WireFormat format;

  ThriftProtocolKind(WireFormat format) {
    this.format = format;
  }

  public WireFormat format() {
    return format;
  }

  /**
   * A protocol over {@code transport}. Lengths are not limited here: the transports enforce the
   * message and frame limits through {@link TTransport#checkReadBytesAvailable}.
   */
  public TProtocol newProtocol(TTransport transport) {
    return switch (this) {
      case BINARY -> new TBinaryProtocol(transport, false, true);
      case COMPACT -> new TCompactProtocol(transport);
    };
  }

  /** The encoding of a message that starts with {@code firstByte}: compact for 0x82, else binary. */
  public static ThriftProtocolKind ofFirstByte(int firstByte) {
    return (firstByte & 0xff) == COMPACT_PROTOCOL_ID ? COMPACT : BINARY;
  }

  public static ThriftProtocolKind of(ThriftEncoding encoding) {
    return switch (encoding) {
      case BINARY -> BINARY;
      case COMPACT -> COMPACT;
    };
  }

  /** The kind for a Thrift wire format, or null for any other format. */
  public static ThriftProtocolKind of(WireFormat format) {
    return switch (format) {
      case THRIFT_BINARY -> BINARY;
      case THRIFT_COMPACT -> COMPACT;
      case PROTOBUF, THRIFT_JSON, PROTO_JSON -> null;
    };
  }
}
