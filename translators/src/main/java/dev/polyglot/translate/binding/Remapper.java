package dev.polyglot.translate.binding;

import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypePlan;
import dev.polyglot.translate.event.ValueSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;

/**
 * The sink between a caller's reader and a backend's writer (or the reverse for replies): receives
 * the source's events, typed by the source plans, and emits the target's, following a compiled
 * {@link Conv} graph. One pass, no tree; the hot path reads arrays and switches on ints.
 *
 * <p>Design note: a field announcement is held back ({@code pending}) until its value's first
 * target event, because a value may turn out to mean "unset" (a proto3 zero enum value toward
 * Thrift) and then the field must not be written at all. Source wrapper messages are frames that
 * emit nothing themselves; target wrappers are opened around a value and closed when that value
 * ends ({@code closes}). Dropped values (fields without counterpart) are skipped by depth count.
 *
 * <p>Not thread-safe: one per thread, reused through {@link #reset}. Problems are thrown as {@link
 * TranscodeException}s without a path; the reader driving this sink adds the path as they unwind.
 */
final class Remapper implements ValueSink {
  private static final byte F_ROOT = 0;
  private static final byte F_STRUCT = 1;
  private static final byte F_LIST = 2;
  private static final byte F_MAP = 3;
  private static final byte F_WRAP = 4;
  private static final int DROP = -2;
  private static final byte[] EMPTY = new byte[0];

  private ValueSink target;
  private Conv root;
  private int depth;
  private int skip;
  private byte[] kind = new byte[16];
  private Conv[] conv = new Conv[16];
  private int[] count = new int[16];
  private int[] pending = new int[16];
  private int[] current = new int[16];
  private int[] closes = new int[16];
  private boolean[] hasValue = new boolean[16];
  private long[][] seen = new long[16][];
  @SuppressWarnings("unchecked")
  private HashSet<Object>[] distinct = new HashSet[16];

  /** Starts a value: the next event is the source root's {@code startStruct}. */
  void reset(Conv rootConv, ValueSink out) {
    this.root = rootConv;
    this.target = out;
    depth = 0;
    skip = 0;
    kind[0] = F_ROOT;
  }

  // ------------------------------------------------------------------ navigation

  /** The conversion of the value that starts now, or null when the value is dropped. */
  private Conv next() {
    int d = depth;
    switch (kind[d]) {
      case F_ROOT:
        return root;
      case F_STRUCT: {
        Conv s = conv[d];
        int i = current[d];
        return i >= 0 && s.targetIndex[i] >= 0 ? s.fieldConv[i] : null;
      }
      case F_LIST:
        return conv[d].inner;
      case F_MAP:
        return (count[d]++ & 1) == 0 ? conv[d].key : conv[d].inner;
      default:
        return pending[d] == DROP ? null : conv[d].inner;
    }
  }

  /** Announces the held-back field of the nearest enclosing struct frame, once. */
  private void flush() {
    int d = depth;
    while (kind[d] == F_WRAP) hasValue[d--] = true;
    if (kind[d] == F_STRUCT) {
      int p = pending[d];
      if (p >= 0) {
        target.field(p);
        seen[d][p >>> 6] |= 1L << p;
        pending[d] = -1;
      }
    }
  }

  /** Flushes, then opens the target wrappers around {@code c}'s value; returns how many. */
  private int open(Conv c) {
    flush();
    int n = 0;
    while (c.kind == Conv.WRAP_TARGET) {
      target.startStruct();
      target.field(c.wrapField);
      c = c.inner;
      n++;
    }
    return n;
  }

  private void close(int n) {
    for (int i = 0; i < n; i++) target.endStruct();
  }

  private void push(byte k, Conv c, int n) {
    int d = ++depth;
    if (d == kind.length) grow();
    kind[d] = k;
    conv[d] = c;
    closes[d] = n;
    count[d] = 0;
    pending[d] = -1;
    current[d] = -1;
    hasValue[d] = false;
  }

  private void grow() {
    int n = kind.length * 2;
    kind = Arrays.copyOf(kind, n);
    conv = Arrays.copyOf(conv, n);
    count = Arrays.copyOf(count, n);
    pending = Arrays.copyOf(pending, n);
    current = Arrays.copyOf(current, n);
    closes = Arrays.copyOf(closes, n);
    hasValue = Arrays.copyOf(hasValue, n);
    seen = Arrays.copyOf(seen, n);
    distinct = Arrays.copyOf(distinct, n);
  }

  private static TranscodeException shape(String event, Conv c) {
    // The reader follows the same plans the conversions were compiled from; reaching this is a bug.
    return TranscodeException.of("unexpected " + event + " for a conversion of kind " + c.kind + " (expected: the compiled shape)");
  }

  // ------------------------------------------------------------------ structs

  /**
   * The conversion of the struct, list, set or map that starts now, or null when it is skipped: inside
   * a dropped value (one level deeper), or dropped itself (the skip starts here). The matching end
   * event counts the level back down.
   */
  private Conv enterNested() {
    if (skip > 0) {
      skip++;
      return null;
    }
    Conv c = next();
    if (c == null) skip = 1;
    return c;
  }

  @Override
  public void startStruct() {
    Conv c = enterNested();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind == Conv.WRAP_SOURCE) {
      // The target sees only the wrapped value: announce nothing until it arrives.
      int n = c == s ? 0 : open(c);
      push(F_WRAP, s, n);
      return;
    }
    if (s.kind != Conv.STRUCT) throw shape("struct", s);
    int n = open(c);
    target.startStruct();
    push(F_STRUCT, s, n);
    int words = (s.targetStruct.fieldCount() + 63) >>> 6;
    long[] bits = seen[depth];
    if (bits == null || bits.length < words) seen[depth] = new long[Math.max(words, 1)];
    else Arrays.fill(bits, 0L);
  }

  @Override
  public void field(int fieldIndex) {
    if (skip > 0) return;
    int d = depth;
    if (kind[d] == F_STRUCT) {
      current[d] = fieldIndex;
      pending[d] = conv[d].targetIndex[fieldIndex];
    } else if (kind[d] == F_WRAP) {
      pending[d] = fieldIndex == conv[d].wrapField ? -1 : DROP;
    }
  }

  @Override
  public void endStruct() {
    if (skip > 0) {
      skip--;
      return;
    }
    int d = depth;
    if (kind[d] == F_WRAP) {
      if (!hasValue[d]) zeroForWrapper(conv[d]);
      depth--;
      close(closes[d]);
      return;
    }
    Conv s = conv[d];
    long[] bits = seen[d];
    for (int ti : s.fillIndexes) {
      if ((bits[ti >>> 6] & (1L << ti)) == 0) {
        target.field(ti);
        zero(s.targetStruct.field(ti).type());
        bits[ti >>> 6] |= 1L << ti;
      }
    }
    int[] required = s.requiredIndexes;
    for (int k = 0; k < required.length; k++) {
      int ti = required[k];
      if ((bits[ti >>> 6] & (1L << ti)) == 0) {
        throw TranscodeException.of("required field is missing (expected: a value)").atField(s.requiredNames[k]);
      }
    }
    target.endStruct();
    depth--;
    close(closes[d]);
  }

  /** A source wrapper without its field: the value it stands for is its type's zero. */
  private void zeroForWrapper(Conv w) {
    TypePlan t = w.targetType;
    if (t == null || !ConvCompiler.hasZero(t)) {
      throw TranscodeException.of("no value (expected: a value for " + (w.missing != null ? w.missing : "the wrapped field") + ")");
    }
    flush();
    zero(t);
  }

  private void zero(TypePlan t) {
    switch (t.kind()) {
      case BOOL -> target.boolValue(false);
      case INTEGER -> target.longValue(0);
      case FLOATING -> target.doubleValue(0.0);
      case STRING -> target.stringValue("");
      case BINARY -> target.binaryValue(EMPTY, 0, 0);
      case LIST -> {
        target.startList(0);
        target.endList();
      }
      case SET -> {
        target.startSet(0);
        target.endSet();
      }
      case MAP -> {
        target.startMap(0);
        target.endMap();
      }
      case UUID, ENUM, STRUCT -> throw new IllegalStateException(t.display() + " has no zero value");
    }
  }

  // ------------------------------------------------------------------ containers

  @Override
  public void startList(int size) {
    startCollection(size, false);
  }

  @Override
  public void startSet(int size) {
    startCollection(size, true);
  }

  private void startCollection(int size, boolean isSet) {
    Conv c = enterNested();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind != Conv.LIST) throw shape(isSet ? "set" : "list", s);
    int n = open(c);
    if (s.targetSet) target.startSet(size);
    else target.startList(size);
    push(F_LIST, s, n);
    if (s.checkDistinct) {
      HashSet<Object> set = distinct[depth];
      if (set == null) distinct[depth] = new HashSet<>();
      else set.clear();
    }
  }

  @Override
  public void endList() {
    endCollection();
  }

  @Override
  public void endSet() {
    endCollection();
  }

  private void endCollection() {
    if (skip > 0) {
      skip--;
      return;
    }
    int d = depth;
    if (conv[d].targetSet) target.endSet();
    else target.endList();
    depth--;
    close(closes[d]);
  }

  @Override
  public void startMap(int size) {
    Conv c = enterNested();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind != Conv.MAP) throw shape("map", s);
    int n = open(c);
    target.startMap(size);
    push(F_MAP, s, n);
  }

  @Override
  public void endMap() {
    if (skip > 0) {
      skip--;
      return;
    }
    int d = depth;
    target.endMap();
    depth--;
    close(closes[d]);
  }

  /** Toward a Thrift set from a list: a repeated element is an error, not silently merged. */
  private void distinct(Object element) {
    int d = depth;
    if (kind[d] == F_LIST && conv[d].checkDistinct && !distinct[d].add(element)) {
      throw TranscodeException.of("duplicate set element (expected: distinct elements)");
    }
  }

  // ------------------------------------------------------------------ scalars

  @Override
  public void boolValue(boolean value) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    distinct(value);
    int n = open(c);
    target.boolValue(value);
    close(n);
  }

  @Override
  public void longValue(long value) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind == Conv.CHECKED_INT) s.targetType.checkRange(value);
    if (kind[depth] == F_LIST && conv[depth].checkDistinct) distinct(value);
    int n = open(c);
    if (s.kind == Conv.TO_FLOAT) target.doubleValue(value);
    else target.longValue(value);
    close(n);
  }

  @Override
  public void doubleValue(double value) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind == Conv.TO_FLOAT && Math.abs(value) > Float.MAX_VALUE && !Double.isInfinite(value)) {
      throw TranscodeException.of(value + " is out of range (expected: a float between " + -Float.MAX_VALUE + " and " + Float.MAX_VALUE + ")");
    }
    if (kind[depth] == F_LIST && conv[depth].checkDistinct) distinct(Double.doubleToLongBits(value));
    int n = open(c);
    target.doubleValue(value);
    close(n);
  }

  @Override
  public void stringValue(String value) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    string(c, value, null, 0, 0);
  }

  @Override
  public void stringValue(byte[] utf8, int offset, int length) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    string(c, null, utf8, offset, length);
  }

  private void string(Conv c, String text, byte[] utf8, int offset, int length) {
    Conv s = c.unwrapTarget();
    switch (s.kind) {
      case Conv.STRING_TO_UUID -> {
        UUID u = Uuids.parse(text != null ? text : new String(utf8, offset, length, StandardCharsets.UTF_8));
        int n = open(c);
        target.uuidValue(u.getMostSignificantBits(), u.getLeastSignificantBits());
        close(n);
      }
      case Conv.NAME_TO_ENUM -> {
        String name = text != null ? text : new String(utf8, offset, length, StandardCharsets.UTF_8);
        Integer number = s.targetEnum.number(name);
        if (number == null) {
          throw TranscodeException.of(TranscodeException.quote(name) + " is not a value of enum " + s.targetEnum.qualifiedName()
              + " (expected: one of " + Enums.names(s.targetEnum) + ")");
        }
        int n = open(c);
        target.enumValue(number);
        close(n);
      }
      default -> {
        if (kind[depth] == F_LIST && conv[depth].checkDistinct) {
          distinct(text != null ? text : new String(utf8, offset, length, StandardCharsets.UTF_8));
        }
        int n = open(c);
        if (text != null) target.stringValue(text);
        else target.stringValue(utf8, offset, length);
        close(n);
      }
    }
  }

  @Override
  public void binaryValue(byte[] bytes, int offset, int length) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (s.kind == Conv.BYTES_TO_UUID) {
      if (length != 16) throw TranscodeException.of(length + " bytes are not a UUID (expected: 16 bytes)");
      ByteBuffer b = ByteBuffer.wrap(bytes, offset, 16);
      long msb = b.getLong();
      long lsb = b.getLong();
      int n = open(c);
      target.uuidValue(msb, lsb);
      close(n);
      return;
    }
    if (kind[depth] == F_LIST && conv[depth].checkDistinct) distinct(ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length)));
    int n = open(c);
    target.binaryValue(bytes, offset, length);
    close(n);
  }

  @Override
  public void uuidValue(long mostSignificantBits, long leastSignificantBits) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    if (kind[depth] == F_LIST && conv[depth].checkDistinct) distinct(new UUID(mostSignificantBits, leastSignificantBits));
    int n = open(c);
    switch (s.kind) {
      case Conv.UUID_TO_STRING -> target.stringValue(new UUID(mostSignificantBits, leastSignificantBits).toString());
      case Conv.UUID_TO_BYTES -> {
        byte[] b = ByteBuffer.allocate(16).putLong(mostSignificantBits).putLong(leastSignificantBits).array();
        target.binaryValue(b, 0, 16);
      }
      default -> target.uuidValue(mostSignificantBits, leastSignificantBits);
    }
    close(n);
  }

  @Override
  public void enumValue(int number) {
    if (skip > 0) return;
    Conv c = next();
    if (c == null) return;
    Conv s = c.unwrapTarget();
    int out = number;
    if (s.kind == Conv.ENUM) {
      out = s.mapEnum(number);
      if (out == Conv.UNSET && c == s && kind[depth] == F_STRUCT) {
        pending[depth] = -1; // proto3's zero value means "not set": the field is left out
        return;
      }
      if (out == Conv.UNSET || out == Conv.NONE) throw Enums.noCounterpart(s, number);
    } else if (s.kind == Conv.ENUM_TO_NAME) {
      String name = s.sourceEnum.name(number);
      if (name == null) throw Enums.noCounterpart(s, number);
      int n = open(c);
      target.stringValue(name);
      close(n);
      return;
    }
    if (kind[depth] == F_LIST && conv[depth].checkDistinct) distinct(out);
    int n = open(c);
    target.enumValue(out);
    close(n);
  }
}
