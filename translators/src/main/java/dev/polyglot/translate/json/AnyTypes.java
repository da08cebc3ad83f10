package dev.polyglot.translate.json;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;
import dev.polyglot.translate.protobuf.ProtobufCodec;

/**
 * What the proto-view JSON reader and writer need for {@code google.protobuf.Any}: the packed
 * message's plan by its full name, and protobuf to decode or encode its bytes. Without it an Any is
 * rejected with a sentence saying so.
 */
public interface AnyTypes {
  /** The plan for {@code typeName} ({@code acme.v1.Item}), or null if the schema lacks it. */
  StructPlan resolve(String typeName);

  /** A fresh protobuf reader (the JSON writer decodes an Any's bytes with it). */
  ValueSource newProtobufReader();

  /** A fresh protobuf writer (the JSON reader encodes an Any's message with it). */
  ValueWriter newProtobufWriter();

  /** Any types resolved among the proto messages of {@code plans}' schema. */
  static AnyTypes of(Plans plans, Limits limits) {
    return new AnyTypes() {
      @Override
      public StructPlan resolve(String typeName) {
        return plans.schema().struct(typeName)
            .filter(s -> s.idl() == dev.polyglot.idl.IdlKind.PROTO && !s.mapEntry())
            .map(plans::struct)
            .orElse(null);
      }

      @Override
      public ValueSource newProtobufReader() {
        return ProtobufCodec.INSTANCE.newReader(limits);
      }

      @Override
      public ValueWriter newProtobufWriter() {
        return ProtobufCodec.INSTANCE.newWriter(limits);
      }
    };
  }
}
