package dev.polyglot.translate.event;

/**
 * The shared event model: a push-based, schema-driven stream of one struct value. Every reader
 * ({@link ValueSource}) drives a sink; every writer ({@link ValueWriter}) is one.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * value     = startStruct (field value)* endStruct
 *           | startList elem* endList | startSet elem* endSet
 *           | startMap (key value)* endMap
 *           | scalar
 * scalar    = boolValue | longValue | doubleValue | stringValue | binaryValue | uuidValue | enumValue
 * </pre>
 *
 * The root is always a struct. Events carry no type: a sink is typed by the {@link StructPlan} it
 * was started with and tracks where it is, so the type of the next value is the type of the field
 * just announced by {@link #field(int)}, the container's element type, or the map's key then value
 * type. Unset fields produce no events; there is no null.
 *
 * <h2>Value conventions</h2>
 *
 * <ul>
 *   <li>Every integer kind (i8..i64, int32, sint64, fixed32, ...) travels as {@link #longValue}.
 *       Signed kinds are sign-extended; unsigned 32-bit kinds are zero-extended; uint64/fixed64
 *       travel as their raw 64 bits. A sink whose field type is narrower range-checks the value and
 *       throws {@link TranscodeException} rather than truncating.
 *   <li>float and double travel as {@link #doubleValue}.
 *   <li>Strings are valid Unicode: the byte-range variant is valid UTF-8 (sources validate before
 *       emitting), the {@code String} variant holds no unpaired surrogates.
 *   <li>Enums travel as their number; sources reject numbers a closed (Thrift) enum does not
 *       declare.
 * </ul>
 *
 * <h2>Buffers</h2>
 *
 * Byte ranges passed to {@link #stringValue(byte[], int, int)} and {@link #binaryValue} belong to
 * the caller and are valid only for the duration of the call: a sink copies what it keeps and never
 * writes into them.
 *
 * <h2>Errors and paths</h2>
 *
 * A sink that cannot represent a value throws {@link TranscodeException} without a path; the source
 * driving it adds the field path as the exception unwinds (it knows the structure it is walking).
 *
 * <p>Sinks are not thread-safe; one sink receives one value at a time.
 */
public interface ValueSink {

  /** Starts a struct: the root, a field's value, an element, or a map key or value. */
  void startStruct();

  /**
   * Announces that the next value belongs to field {@code fieldIndex}, an index into
   * {@link StructPlan#field(int)} of the innermost open struct (not the field id).
   */
  void field(int fieldIndex);

  void endStruct();

  /** @param size the exact number of elements that follow, or -1 when the source cannot know */
  void startList(int size);

  void endList();

  /** @param size the exact number of elements that follow, or -1 when unknown */
  void startSet(int size);

  void endSet();

  /**
   * Starts a map; each entry is the key's events then the value's events.
   *
   * @param size the exact number of entries that follow, or -1 when unknown
   */
  void startMap(int size);

  void endMap();

  void boolValue(boolean value);

  /** Every integer kind; see the class comment for signedness. */
  void longValue(long value);

  /** float and double. */
  void doubleValue(double value);

  /** A string held as a Java string (e.g. from a JSON parser). */
  void stringValue(String value);

  /**
   * A string as valid UTF-8 bytes, borrowed from the caller for the duration of the call
   * (zero-copy from binary inputs).
   */
  void stringValue(byte[] utf8, int offset, int length);

  /** Bytes borrowed from the caller for the duration of the call. */
  void binaryValue(byte[] bytes, int offset, int length);

  /** A Thrift uuid as its two 64-bit halves (big-endian order of the 16 bytes). */
  void uuidValue(long mostSignificantBits, long leastSignificantBits);

  /** An enum value by number. */
  void enumValue(int number);
}
