package dev.polyglot.translate.protobuf;

import dev.polyglot.translate.FormatCodec;

/** The protobuf {@link FormatCodec}. */
public final class ProtobufCodec {
  private ProtobufCodec() {}

  public static final FormatCodec INSTANCE = FormatCodec.of(ProtobufReader::create, limits -> ProtobufWriter.create());
}
