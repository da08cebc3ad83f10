/**
 * The shared event model every wire format is read into and written from, and the compiled plans
 * that drive it.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.polyglot.translate.event.ValueSink}: the push-based events of one struct value;
 *       {@link dev.polyglot.translate.event.ValueSource} reads a format and drives a sink;
 *       {@link dev.polyglot.translate.event.ValueWriter} is a sink that encodes a format. N formats
 *       cost N readers and N writers, and any reader can drive any writer.
 *   <li>{@link dev.polyglot.translate.event.Plans} compiles a {@link dev.polyglot.idl.Schema}'s
 *       structs once into {@link dev.polyglot.translate.event.StructPlan},
 *       {@link dev.polyglot.translate.event.FieldPlan}, {@link dev.polyglot.translate.event.TypePlan}
 *       and {@link dev.polyglot.translate.event.EnumPlan}: arrays indexed by field index, id lookups
 *       that are array reads, precomputed wire headers. The hot path never looks a name up.
 *   <li>{@link dev.polyglot.translate.event.Limits}: the guards every reader applies;
 *       {@link dev.polyglot.translate.event.TranscodeException}: every way a value can be rejected,
 *       with its field path, mapping to {@code INVALID_ARGUMENT}.
 * </ul>
 *
 * <h2>Contracts</h2>
 *
 * <ul>
 *   <li><b>Threads.</b> Plans and limits are immutable and shared freely. Readers and writers hold
 *       reusable scratch state: use one per thread (or per call), never concurrently.
 *   <li><b>Buffers.</b> A reader only reads its input range and keeps no reference to it after
 *       {@code read} returns. Byte ranges a reader passes to a sink are borrowed for the duration
 *       of that one call. A writer owns its output buffer; {@code buffer()} lends it until the next
 *       {@code reset}, {@code toByteArray()} returns a copy the caller owns.
 *   <li><b>Sizes.</b> Sources announce container sizes when they know them and {@code -1} when
 *       they do not (JSON); writers handle both (backpatching internally).
 *   <li><b>Errors.</b> Sinks throw {@link dev.polyglot.translate.event.TranscodeException} without
 *       a path; sources add path segments as the exception passes through them. After an exception,
 *       reset the writer before reusing it.
 * </ul>
 */
package dev.polyglot.translate.event;
