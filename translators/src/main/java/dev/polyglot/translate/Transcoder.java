package dev.polyglot.translate;

import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.ValueSource;
import dev.polyglot.translate.event.ValueWriter;

/**
 * Same-schema transcoding: one value of a struct type from one {@link WireFormat} to another, in
 * one pass (the source reader drives the target writer directly).
 *
 * <p>Thread-safe: readers and writers are kept per thread and per format and reused. The returned
 * array is a fresh copy owned by the caller; the input is only read.
 */
public final class Transcoder {
  private final Codecs codecs;
  private final Limits limits;
  private final ThreadLocal<ValueSource[]> readers;
  private final ThreadLocal<ValueWriter[]> writers;

  private Transcoder(Codecs codecs, Limits limits) {
    this.codecs = codecs;
    this.limits = limits;
    int n = WireFormat.values().length;
    this.readers = ThreadLocal.withInitial(() -> new ValueSource[n]);
    this.writers = ThreadLocal.withInitial(() -> new ValueWriter[n]);
  }

  public static Transcoder of(Codecs codecs, Limits limits) {
    return new Transcoder(codecs, limits);
  }

  /** The standard codecs with {@link Limits#DEFAULT}. */
  public static Transcoder standard() {
    return new Transcoder(Codecs.standard(), Limits.DEFAULT);
  }

  public Limits limits() {
    return limits;
  }

  public byte[] transcode(StructPlan type, WireFormat from, WireFormat to, byte[] in) {
    return transcode(type, from, to, in, 0, in.length);
  }

  /**
   * Reads a value of {@code type} encoded in {@code from} from the whole range and returns it
   * encoded in {@code to}.
   *
   * @throws TranscodeException if the input is malformed, exceeds the limits, has trailing bytes, or
   *     holds a value the target cannot represent
   */
  public byte[] transcode(StructPlan type, WireFormat from, WireFormat to, byte[] in, int offset, int length) {
    ValueWriter writer = writer(to);
    writer.reset(type);
    int used = reader(from).read(in, offset, length, type, writer);
    if (used != length) {
      throw TranscodeException.of((length - used) + " trailing bytes after the end of the " + type.qualifiedName() + " value (expected: end of input)");
    }
    return writer.toByteArray();
  }

  /** This thread's reader for {@code format}, created on first use. */
  public ValueSource reader(WireFormat format) {
    ValueSource[] rs = readers.get();
    ValueSource r = rs[format.ordinal()];
    if (r == null) rs[format.ordinal()] = r = codecs.codec(format).newReader(limits);
    return r;
  }

  /** This thread's writer for {@code format}, created on first use. */
  public ValueWriter writer(WireFormat format) {
    ValueWriter[] ws = writers.get();
    ValueWriter w = ws[format.ordinal()];
    if (w == null) ws[format.ordinal()] = w = codecs.codec(format).newWriter(limits);
    return w;
  }
}
