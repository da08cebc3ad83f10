package dev.polyglot.translate.thrift;

import dev.polyglot.translate.FormatCodec;

/** The Thrift {@link FormatCodec}s. */
public final class ThriftCodecs {
  private ThriftCodecs() {}

  public static final FormatCodec BINARY = FormatCodec.of(ThriftReader::binary, limits -> ThriftWriter.binary());
  public static final FormatCodec COMPACT = FormatCodec.of(ThriftReader::compact, limits -> ThriftWriter.compact());
}
