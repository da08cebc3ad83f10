package dev.polyglot.translate;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;
import java.util.function.Function;

/**
 * Makes the reader and the writer of one {@link WireFormat}. Implementations are stateless and
 * thread-safe; what they make is not (one reader/writer per thread).
 */
public interface FormatCodec {

  ValueSource newReader(Limits limits);

  ValueWriter newWriter(Limits limits);

  static FormatCodec of(Function<Limits, ValueSource> reader, Function<Limits, ValueWriter> writer) {
    return new FormatCodec() {
      @Override
      public ValueSource newReader(Limits limits) {
        return reader.apply(limits);
      }

      @Override
      public ValueWriter newWriter(Limits limits) {
        return writer.apply(limits);
      }
    };
  }
}
