package dev.polyglot.translate;

import java.util.EnumMap;
import java.util.Map;

/**
 * The registry of {@link FormatCodec}s by {@link WireFormat}. Immutable once built; thread-safe.
 * {@link #standard()} holds every format this module implements; a new format is a reader, a
 * writer and one {@code register} line there.
 */
public final class Codecs {
  private final FormatCodec[] byFormat;

  private Codecs(Map<WireFormat, FormatCodec> codecs) {
    byFormat = new FormatCodec[WireFormat.values().length];
    codecs.forEach((f, c) -> byFormat[f.ordinal()] = c);
  }

  /** Every format implemented in this module. */
  public static Codecs standard() {
    return builder()
        .register(WireFormat.THRIFT_BINARY, dev.polyglot.translate.thrift.ThriftCodecs.BINARY)
        .register(WireFormat.THRIFT_COMPACT, dev.polyglot.translate.thrift.ThriftCodecs.COMPACT)
        .register(WireFormat.PROTOBUF, dev.polyglot.translate.protobuf.ProtobufCodec.INSTANCE)
        .register(WireFormat.THRIFT_JSON, dev.polyglot.translate.json.JsonCodec.of(dev.polyglot.translate.json.JsonDialect.THRIFT))
        .register(WireFormat.PROTO_JSON, dev.polyglot.translate.json.JsonCodec.of(dev.polyglot.translate.json.JsonDialect.PROTO))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code format} has a codec. */
  public boolean supports(WireFormat format) {
    return byFormat[format.ordinal()] != null;
  }

  /** @throws IllegalArgumentException if {@code format} has no codec */
  public FormatCodec codec(WireFormat format) {
    FormatCodec c = byFormat[format.ordinal()];
    if (c == null) throw new IllegalArgumentException("wire format " + format + " is not supported (expected: one of " + supported() + ")");
    return c;
  }

  private String supported() {
    StringBuilder sb = new StringBuilder();
    for (WireFormat f : WireFormat.values()) {
      if (byFormat[f.ordinal()] != null) sb.append(sb.length() == 0 ? "" : ", ").append(f);
    }
    return sb.toString();
  }

  public static final class Builder {
    private final Map<WireFormat, FormatCodec> codecs = new EnumMap<>(WireFormat.class);

    public Builder register(WireFormat format, FormatCodec codec) {
      codecs.put(format, codec);
      return this;
    }

    public Codecs build() {
      return new Codecs(codecs);
    }
  }
}
