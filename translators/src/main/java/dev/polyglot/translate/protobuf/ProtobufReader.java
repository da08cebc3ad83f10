package dev.polyglot.translate.protobuf;

import com.google.protobuf.CodedInputStream;
import dev.polyglot.translate.event.DistinctElements;
import dev.polyglot.translate.event.FieldPlan;
import dev.polyglot.translate.event.Limits;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.event.TypeKind;
import dev.polyglot.translate.event.TypePlan;
import dev.polyglot.translate.event.Utf8;
import dev.polyglot.translate.event.ValueSink;
import dev.polyglot.translate.event.ValueSource;
import java.io.IOException;

/**
 * Reads one protobuf message with protobuf-java's {@link CodedInputStream} and drives a
 * {@link ValueSink}.
 *
 * <p>Design note: the event model wants each field's value in one piece, while protobuf allows a
 * repeated field's elements to be spread over the message. This reader emits a repeated or map
 * field as one list from the run of consecutive tags with that number (packed and unpacked chunks
 * both accepted, as protobuf requires), which is how every protobuf encoder writes them; a second,
 * separate run of the same field is reported as an error rather than silently reordered. Likewise a
 * singular field or oneof that occurs twice is an error, not protobuf's last-one-wins, so a value is
 * never silently replaced. Unknown fields are skipped. Map entries are read key-then-value in one
 * pass; the rare entry written value-first is re-read from its bytes. Strings and bytes are passed
 * to the sink as ranges of the input (validated as UTF-8 for strings), never copied.
 *
 * <p>Not thread-safe; reusable. The input is only read and not retained after {@link #read}.
 */
public final class ProtobufReader implements ValueSource {
  private static final byte[] EMPTY = new byte[0];
  private static final int LEN = com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final String[] WIRE_NAMES = {
    "0 (varint)", "1 (64-bit)", "2 (length-delimited)", "3 (start group)", "4 (end group)", "5 (32-bit)", "6", "7"
  };

  private final Limits limits;
  private CodedInputStream cis;
  private int cisBase;
  private byte[] buf;

  private ProtobufReader(Limits limits) {
    this.limits = limits;
  }

  public static ProtobufReader create(Limits limits) {
    return new ProtobufReader(limits);
  }

  @Override
  public int read(byte[] in, int offset, int length, StructPlan root, ValueSink out) {
    if (length > limits.maxMessageBytes()) {
      throw TranscodeException.of("message of " + length + " bytes is too large (expected: at most " + limits.maxMessageBytes() + " bytes)");
    }
    buf = in;
    cisBase = offset;
    cis = CodedInputStream.newInstance(in, offset, length);
    cis.setRecursionLimit(limits.maxDepth());
    try {
      cis.pushLimit(length);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      readMessage(root, out, 1);
    } finally {
      buf = null;
      cis = null;
    }
    return length;
  }

  private int pos() {
    return cisBase + cis.getTotalBytesRead();
  }

  private void readMessage(StructPlan plan, ValueSink out, int depth) {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    out.startStruct();
    long seen = 0;
    long oneofsSeen = 0;
    int tag = readTag();
    while (tag != 0) {
      int number = tag >>> 3;
      int index = plan.indexOfId(number);
      if (index < 0) {
        skip(tag, number);
        tag = readTag();
        continue;
      }
      FieldPlan f = plan.field(index);
      try {
        if (index < 64) {
          long bit = 1L << index;
          if ((seen & bit) != 0) {
            TypeKind k = f.type().kind();
            throw TranscodeException.of(
                k == TypeKind.LIST || k == TypeKind.SET || k == TypeKind.MAP
                    ? "repeated field number " + number + " appears in two separate runs (expected: its elements together)"
                    : "field number " + number + " appears twice (expected: at most once)");
          }
          seen |= bit;
        }
        int oneof = f.def().oneofIndex();
        if (oneof >= 0 && oneof < 64) {
          if ((oneofsSeen & (1L << oneof)) != 0) {
            throw TranscodeException.of("oneof " + plan.def().oneofs().get(oneof).name() + " has more than one member set (expected: at most one)");
          }
          oneofsSeen |= 1L << oneof;
        }
        out.field(index);
        tag = readField(f, tag, out, depth);
      } catch (TranscodeException e) {
        throw e.atField(f.name());
      } catch (IOException e) {
        throw convert(e, describe(f.type())).atField(f.name());
      }
    }
    long required = plan.requiredMask();
    if ((seen & required) != required) throw plan.missingRequired(seen);
    out.endStruct();
  }

  /** Reads one field's value (a whole run for repeated and map fields); returns the next tag. */
  private int readField(FieldPlan f, int tag, ValueSink out, int depth) throws IOException {
    TypePlan t = f.type();
    switch (t.kind()) {
      case LIST:
      case SET:
        return readRepeated(f, tag, out, depth + 1);
      case MAP:
        return readMap(f, tag, out, depth + 1);
      default:
        checkWire(tag & 7, t);
        readSingle(t, out, depth);
        return readTag();
    }
  }

  private int readRepeated(FieldPlan f, int tag, ValueSink out, int depth) throws IOException {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    TypePlan t = f.type();
    TypePlan element = t.element();
    boolean set = t.kind() == TypeKind.SET;
    DistinctElements distinct = set ? new DistinctElements() : null;
    if (set) out.startSet(-1);
    else out.startList(-1);
    int number = f.id();
    int i = 0;
    do {
      if ((tag & 7) == LEN && element.isPackable()) {
        int len = readLength();
        int old = cis.pushLimit(len);
        while (!cis.isAtEnd()) {
          i = readElement(element, out, depth, distinct, i);
        }
        cis.popLimit(old);
      } else {
        try {
          checkWire(tag & 7, element);
        } catch (TranscodeException e) {
          throw e.atIndex(i);
        }
        i = readElement(element, out, depth, distinct, i);
      }
      tag = readTag();
    } while (tag >>> 3 == number && tag != 0);
    if (set) out.endSet();
    else out.endList();
    return tag;
  }

  private int readElement(TypePlan element, ValueSink out, int depth, DistinctElements distinct, int i) throws IOException {
    if (i >= limits.maxContainerSize()) {
      throw TranscodeException.of("more than " + limits.maxContainerSize() + " elements (expected: at most " + limits.maxContainerSize() + ")");
    }
    int start = pos();
    try {
      readSingle(element, out, depth);
      if (distinct != null) distinct.add(buf, start, pos());
    } catch (TranscodeException e) {
      throw e.atIndex(i);
    } catch (IOException e) {
      throw convert(e, describe(element)).atIndex(i);
    }
    return i + 1;
  }

  private int readMap(FieldPlan f, int tag, ValueSink out, int depth) throws IOException {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    TypePlan t = f.type();
    out.startMap(-1);
    int number = f.id();
    int n = 0;
    do {
      if ((tag & 7) != LEN) {
        throw TranscodeException.of("wire type " + WIRE_NAMES[tag & 7] + " does not match (expected: 2 (length-delimited) for a map entry)");
      }
      if (n >= limits.maxContainerSize()) {
        throw TranscodeException.of("more than " + limits.maxContainerSize() + " map entries (expected: at most " + limits.maxContainerSize() + ")");
      }
      int len = readLength();
      int old = cis.pushLimit(len);
      readEntry(t.key(), t.element(), out, depth, n, len);
      cis.popLimit(old);
      n++;
      tag = readTag();
    } while (tag >>> 3 == number && tag != 0);
    out.endMap();
    return tag;
  }

  private void readEntry(TypePlan key, TypePlan value, ValueSink out, int depth, int n, int len) throws IOException {
    int keyTag = (1 << 3) | key.protoWireType();
    int valueTag = (2 << 3) | value.protoWireType();
    int entryStart = pos();
    if (len > 0 && buf[entryStart] != keyTag) {
      readEntryOutOfOrder(key, value, out, depth, n, entryStart, len);
      return;
    }
    int keyStart = -1;
    try {
      if (len == 0) {
        emitDefault(key, out, depth);
      } else {
        cis.readTag();
        keyStart = pos();
        readSingle(key, out, depth);
      }
    } catch (TranscodeException e) {
      throw e.atKey("#" + n);
    } catch (IOException e) {
      throw convert(e, describe(key)).atKey("#" + n);
    }
    try {
      boolean valueDone = false;
      int tag;
      while ((tag = readTag()) != 0) {
        int number = tag >>> 3;
        if (number == 2 && !valueDone) {
          if (tag != valueTag) checkWire(tag & 7, value);
          readSingle(value, out, depth);
          valueDone = true;
        } else if (number == 1 || number == 2) {
          throw TranscodeException.of("map entry repeats its " + (number == 1 ? "key" : "value") + " (expected: one key and one value)");
        } else {
          skip(tag, number);
        }
      }
      if (!valueDone) emitDefault(value, out, depth);
    } catch (TranscodeException e) {
      throw e.atKey(keyText(key, keyStart, n));
    } catch (IOException e) {
      throw convert(e, describe(value)).atKey(keyText(key, keyStart, n));
    }
  }

  /** An entry whose first field is not the key: locate key and value, then read each from its bytes. */
  private void readEntryOutOfOrder(TypePlan key, TypePlan value, ValueSink out, int depth, int n, int entryStart, int len)
      throws IOException {
    int keyAt = -1;
    int valueAt = -1;
    CodedInputStream scan = CodedInputStream.newInstance(buf, entryStart, len);
    scan.setRecursionLimit(limits.maxDepth());
    int tag;
    try {
      while ((tag = scan.readTag()) != 0) {
        int number = tag >>> 3;
        int at = entryStart + scan.getTotalBytesRead();
        if (number == 1 || number == 2) {
          if ((number == 1 ? keyAt : valueAt) >= 0) {
            throw TranscodeException.of("map entry repeats its " + (number == 1 ? "key" : "value") + " (expected: one key and one value)");
          }
          checkWire(tag & 7, number == 1 ? key : value);
          if (number == 1) keyAt = at;
          else valueAt = at;
        }
        scan.skipField(tag);
      }
    } catch (TranscodeException e) {
      throw e.atKey("#" + n);
    } catch (IOException e) {
      throw convert(e, "a map entry").atKey("#" + n);
    }
    int end = entryStart + len;
    CodedInputStream main = cis;
    int mainBase = cisBase;
    try {
      try {
        if (keyAt < 0) {
          emitDefault(key, out, depth);
        } else {
          cis = CodedInputStream.newInstance(buf, keyAt, end - keyAt);
          cisBase = keyAt;
          readSingle(key, out, depth);
        }
      } catch (TranscodeException e) {
        throw e.atKey("#" + n);
      }
      try {
        if (valueAt < 0) {
          emitDefault(value, out, depth);
        } else {
          cis = CodedInputStream.newInstance(buf, valueAt, end - valueAt);
          cis.setRecursionLimit(limits.maxDepth());
          cisBase = valueAt;
          readSingle(value, out, depth);
        }
      } catch (TranscodeException e) {
        throw e.atKey(keyText(key, keyAt, n));
      }
    } finally {
      cis = main;
      cisBase = mainBase;
    }
    cis.skipRawBytes(len);
  }

  private void readSingle(TypePlan t, ValueSink out, int depth) throws IOException {
    switch (t.kind()) {
      case BOOL:
        out.boolValue(cis.readRawVarint64() != 0);
        return;
      case INTEGER:
        out.longValue(readInteger(t));
        return;
      case FLOATING:
        out.doubleValue(t.scalar() == dev.polyglot.idl.Scalar.FLOAT ? cis.readFloat() : cis.readDouble());
        return;
      case STRING:
      case BINARY:
        {
          int len = readLength();
          if (len > limits.maxStringBytes()) {
            throw TranscodeException.of("length " + len + " exceeds the limit (expected: at most " + limits.maxStringBytes() + " bytes)");
          }
          int at = pos();
          cis.skipRawBytes(len);
          if (t.kind() == TypeKind.STRING) {
            Utf8.check(buf, at, len);
            out.stringValue(buf, at, len);
          } else {
            out.binaryValue(buf, at, len);
          }
          return;
        }
      case UUID:
        {
          int len = readLength();
          if (len != 16) throw TranscodeException.of("uuid of " + len + " bytes (expected: 16 bytes)");
          int at = pos();
          cis.skipRawBytes(16);
          out.uuidValue(bigEndianLong(at), bigEndianLong(at + 8));
          return;
        }
      case ENUM:
        {
          long v = cis.readRawVarint64();
          t.checkRange(v);
          t.enumPlan().checkKnown((int) v);
          out.enumValue((int) v);
          return;
        }
      case STRUCT:
        {
          int len = readLength();
          int old = cis.pushLimit(len);
          readMessage(t.struct(), out, depth + 1);
          cis.popLimit(old);
          return;
        }
      default:
        throw TranscodeException.of(t.display() + " inside a list or map has no protobuf encoding (expected: a message wrapping it)");
    }
  }

  private long readInteger(TypePlan t) throws IOException {
    long v;
    switch (t.scalar()) {
      case SINT32:
        {
          long raw = cis.readRawVarint64();
          if ((raw >>> 32) != 0) throw TranscodeException.of("zigzag value " + Long.toUnsignedString(raw) + " is out of range (expected: a sint32)");
          v = CodedInputStream.decodeZigZag32((int) raw);
          break;
        }
      case SINT64:
        v = cis.readSInt64();
        break;
      case SFIXED32:
        v = cis.readSFixed32();
        break;
      case FIXED32:
        v = cis.readFixed32() & 0xFFFF_FFFFL;
        break;
      case SFIXED64:
      case FIXED64:
        v = cis.readSFixed64();
        break;
      default:
        // int32, int64, uint32, uint64 and the Thrift integer kinds: a plain varint. int32 is
        // sign-extended to 64 bits on the wire, so the long is the value; the range check below
        // rejects what protobuf-java would silently truncate.
        v = cis.readRawVarint64();
    }
    t.checkRange(v);
    return v;
  }

  private void emitDefault(TypePlan t, ValueSink out, int depth) {
    switch (t.kind()) {
      case BOOL:
        out.boolValue(false);
        return;
      case INTEGER:
        out.longValue(0);
        return;
      case FLOATING:
        out.doubleValue(0.0);
        return;
      case STRING:
        out.stringValue(EMPTY, 0, 0);
        return;
      case BINARY:
        out.binaryValue(EMPTY, 0, 0);
        return;
      case UUID:
        out.uuidValue(0, 0);
        return;
      case ENUM:
        t.enumPlan().checkKnown(0);
        out.enumValue(0);
        return;
      case STRUCT:
        {
          StructPlan p = t.struct();
          if (depth + 1 > limits.maxDepth()) throw tooDeep(depth + 1);
          out.startStruct();
          if (p.requiredMask() != 0) throw p.missingRequired(0);
          out.endStruct();
          return;
        }
      default:
        throw TranscodeException.of(t.display() + " inside a map has no protobuf encoding (expected: a message wrapping it)");
    }
  }

  private String keyText(TypePlan key, int keyStart, int n) {
    if (keyStart < 0) return "#" + n;
    try {
      CodedInputStream c = CodedInputStream.newInstance(buf, keyStart, Math.min(buf.length - keyStart, 16 + limits.maxStringBytes()));
      switch (key.kind()) {
        case STRING:
          return TranscodeException.quote(c.readStringRequireUtf8());
        case BOOL:
          return Boolean.toString(c.readBool());
        case INTEGER:
          {
            CodedInputStream saved = cis;
            int savedBase = cisBase;
            cis = c;
            cisBase = keyStart;
            try {
              long v = readInteger(key);
              return key.scalar() == dev.polyglot.idl.Scalar.UINT64 || key.scalar() == dev.polyglot.idl.Scalar.FIXED64
                  ? Long.toUnsignedString(v)
                  : Long.toString(v);
            } finally {
              cis = saved;
              cisBase = savedBase;
            }
          }
        default:
          return "#" + n;
      }
    } catch (IOException | RuntimeException e) {
      return "#" + n;
    }
  }

  private long bigEndianLong(int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (buf[at + i] & 0xFF);
    return v;
  }

  private int readTag() {
    try {
      return cis.readTag();
    } catch (IOException e) {
      throw convert(e, "a field tag");
    }
  }

  /** A length prefix, checked against the bytes remaining before anything uses it. */
  private int readLength() throws IOException {
    long len = cis.readRawVarint64();
    int remaining = cis.getBytesUntilLimit();
    if (len < 0 || len > remaining) {
      throw TranscodeException.of("length " + Long.toUnsignedString(len) + " exceeds the " + remaining + " bytes remaining (expected: at most " + remaining + ")");
    }
    return (int) len;
  }

  private void skip(int tag, int number) {
    boolean skipped;
    try {
      skipped = cis.skipField(tag);
    } catch (IOException e) {
      throw convert(e, "the rest of unknown field " + number);
    }
    if (!skipped) {
      throw TranscodeException.of("unmatched end-group tag for field number " + number + " (expected: a matching start-group tag)");
    }
  }

  private static void checkWire(int wire, TypePlan t) {
    if (wire != t.protoWireType()) {
      throw TranscodeException.of(
          "wire type " + WIRE_NAMES[wire] + " does not match (expected: " + WIRE_NAMES[t.protoWireType()] + " for " + describe(t) + ")");
    }
  }

  private TranscodeException tooDeep(int depth) {
    return TranscodeException.of("nesting depth " + depth + " exceeds the limit (expected: at most " + limits.maxDepth() + " levels)");
  }

  private TranscodeException convert(IOException e, String what) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("ended unexpectedly") || m.contains("truncated")) return TranscodeException.of("input ends early (expected: " + what + ")");
    if (m.contains("malformed varint")) return TranscodeException.of("malformed varint (expected: at most 10 bytes)");
    if (m.contains("invalid tag")) return TranscodeException.of("field number 0 (expected: a field number of 1 or more)");
    if (m.contains("invalid wire type")) return TranscodeException.of("invalid wire type (expected: 0, 1, 2, 3, 4 or 5)");
    if (m.contains("negative size")) return TranscodeException.of("negative length (expected: 0 or more bytes)");
    if (m.contains("too many levels of nesting")) return tooDeep(limits.maxDepth() + 1);
    if (m.contains("end-group tag")) return TranscodeException.of("unmatched end-group tag (expected: " + what + ")");
    return TranscodeException.of("malformed protobuf data (expected: " + what + ")");
  }

  static String describe(TypePlan t) {
    String d = t.display();
    char c = Character.toLowerCase(d.charAt(0));
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o' ? "an " : "a ") + d;
  }
}
