package dev.polyglot.translate.json;

import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;

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
}
