package dev.polyglot.translate.thrift;

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
import java.util.UUID;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Reads a Thrift struct body (fields up to STOP) in TBinaryProtocol or TCompactProtocol and drives
 * a {@link ValueSink}. Message envelopes are the adapters' business: {@link #read} starts at the
 * first field header.
 *
 * <p>Design note: libthrift decodes every primitive. Before libthrift reads a length-prefixed value
 * or a container header, this reader peeks at the declared length or count in the input and checks
 * it against {@link Limits} and against the bytes remaining, so that hostile sizes are rejected
 * with a precise message before anything is allocated (the CVE-2020-13949 pattern). libthrift's own
 * {@link TConfiguration} limits are set too, as a second line. Strings are validated as UTF-8 in
 * place and passed to the sink as byte ranges of the input (no copy). Unknown fields are skipped
 * with libthrift's bounded-depth skip. A field that appears twice, a field of the wrong type, an
 * undeclared enum number, a duplicate set element, a missing required field and a union with two
 * fields are errors rather than a silent last-one-wins.
 *
 * <p>Not thread-safe; reusable. The input is only read and not retained after {@link #read}.
 */
public final class ThriftReader implements ValueSource {
  private static final String[] TYPE_NAMES = new String[17];

  static {
    TYPE_NAMES[TType.STOP] = "stop";
    TYPE_NAMES[TType.VOID] = "void";
    TYPE_NAMES[TType.BOOL] = "bool";
    TYPE_NAMES[TType.BYTE] = "byte";
    TYPE_NAMES[TType.DOUBLE] = "double";
    TYPE_NAMES[TType.I16] = "i16";
    TYPE_NAMES[TType.I32] = "i32";
    TYPE_NAMES[TType.I64] = "i64";
    TYPE_NAMES[TType.STRING] = "string";
    TYPE_NAMES[TType.STRUCT] = "struct";
    TYPE_NAMES[TType.MAP] = "map";
    TYPE_NAMES[TType.SET] = "set";
    TYPE_NAMES[TType.LIST] = "list";
    TYPE_NAMES[TType.UUID] = "uuid";
  }

  private final Limits limits;
  private final boolean compact;
  private final TMemoryInputTransport transport;
  private final TProtocol protocol;
  private byte[] buf;
  private int end;

  // Results of the last peek (avoids allocating a header object).
  private int peekSize;
  private byte peekType;
  private byte peekValueType;
  private int peekHeaderBytes;

  private ThriftReader(Limits limits, boolean compact) {
    this.limits = limits;
    this.compact = compact;
    TConfiguration config = new TConfiguration(limits.maxMessageBytes(), limits.maxMessageBytes(), limits.maxDepth() + 1);
    try {
      this.transport = new TMemoryInputTransport(config, new byte[0]);
    } catch (TTransportException e) {
      throw new IllegalStateException(e);
    }
    this.protocol =
        compact
            ? new TCompactProtocol(transport, limits.maxStringBytes(), limits.maxContainerSize())
            : new TBinaryProtocol(transport, limits.maxStringBytes(), limits.maxContainerSize(), false, true);
  }

  /** A TBinaryProtocol reader (struct bodies are the same in strict and non-strict mode). */
  public static ThriftReader binary(Limits limits) {
    return new ThriftReader(limits, false);
  }

  public static ThriftReader compact(Limits limits) {
    return new ThriftReader(limits, true);
  }

  @Override
  public int read(byte[] in, int offset, int length, StructPlan root, ValueSink out) {
    if (length > limits.maxMessageBytes()) {
      throw TranscodeException.of("message of " + length + " bytes is too large (expected: at most " + limits.maxMessageBytes() + " bytes)");
    }
    buf = in;
    end = offset + length;
    transport.reset(in, offset, length);
    if (compact) ((TCompactProtocol) protocol).reset();
    try {
      readStruct(root, out, 1);
    } finally {
      buf = null;
    }
    return transport.getBufferPosition() - offset;
  }

  private void readStruct(StructPlan plan, ValueSink out, int depth) {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    out.startStruct();
    long seen = 0;
    int count = 0;
    try {
      protocol.readStructBegin();
    } catch (TException e) {
      throw convert(e, "a struct");
    }
    while (true) {
      byte type;
      short id;
      try {
        if (compact) checkFieldHeaderVarint();
        TField header = protocol.readFieldBegin();
        type = header.type;
        id = header.id;
      } catch (TException e) {
        throw convert(e, "a field header or STOP");
      }
      if (type == TType.STOP) break;
      int index = plan.indexOfId(id);
      if (index < 0) {
        skipUnknown(type, id, depth);
        continue;
      }
      FieldPlan field = plan.field(index);
      try {
        TypePlan t = field.type();
        if (type != t.thriftType()) {
          throw TranscodeException.of("Thrift type " + typeName(type) + " does not match the field (expected: " + typeName(t.thriftType()) + ")");
        }
        if (index < 64) {
          long bit = 1L << index;
          if ((seen & bit) != 0) throw TranscodeException.of("field id " + id + " appears twice (expected: at most once)");
          seen |= bit;
        }
        count++;
        out.field(index);
        readValue(t, out, depth);
      } catch (TranscodeException e) {
        throw e.atField(field.name());
      } catch (TException e) {
        throw convert(e, TypePlanText.describe(field.type())).atField(field.name());
      }
    }
    try {
      protocol.readStructEnd();
    } catch (TException e) {
      throw convert(e, "the end of a struct");
    }
    long required = plan.requiredMask();
    if ((seen & required) != required) throw plan.missingRequired(seen);
    if (count > 1 && plan.isUnion()) {
      throw TranscodeException.of("union " + plan.qualifiedName() + " has " + count + " fields set (expected: at most one)");
    }
    out.endStruct();
  }

  private void readValue(TypePlan t, ValueSink out, int depth) throws TException {
    switch (t.kind()) {
      case BOOL:
        out.boolValue(protocol.readBool());
        return;
      case INTEGER:
        {
          long v;
          if (compact) checkVarint(t.thriftType());
          switch (t.thriftType()) {
            case TType.BYTE:
              v = protocol.readByte();
              break;
            case TType.I16:
              // Compact i16 and i32 are both zigzag varints: reading as i32 sees values libthrift's
              // readI16 would silently truncate.
              v = compact ? protocol.readI32() : protocol.readI16();
              break;
            case TType.I32:
              v = protocol.readI32();
              break;
            default:
              v = protocol.readI64();
          }
          t.checkRange(v);
          out.longValue(v);
          return;
        }
      case FLOATING:
        out.doubleValue(protocol.readDouble());
        return;
      case STRING:
      case BINARY:
        {
          int size = peekStringLength();
          checkLength(size);
          // The length prefix is decoded and checked; the bytes are the input itself, so they are
          // consumed in place rather than through readBinary, which wraps them in a ByteBuffer.
          int from = transport.getBufferPosition() + peekHeaderBytes;
          transport.consumeBuffer(peekHeaderBytes + size);
          if (t.kind() == TypeKind.STRING) {
            Utf8.check(buf, from, size);
            out.stringValue(buf, from, size);
          } else {
            out.binaryValue(buf, from, size);
          }
          return;
        }
      case UUID:
        {
          UUID u = protocol.readUuid();
          out.uuidValue(u.getMostSignificantBits(), u.getLeastSignificantBits());
          return;
        }
      case ENUM:
        {
          if (compact) checkVarint(TType.I32);
          int n = protocol.readI32();
          t.enumPlan().checkKnown(n);
          out.enumValue(n);
          return;
        }
      case STRUCT:
        readStruct(t.struct(), out, depth + 1);
        return;
      case LIST:
      case SET:
        readCollection(t, out, depth + 1);
        return;
      case MAP:
        readMap(t, out, depth + 1);
        return;
    }
    throw new AssertionError(t.kind());
  }

  private void readCollection(TypePlan t, ValueSink out, int depth) throws TException {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    boolean set = t.kind() == TypeKind.SET;
    String what = set ? "set" : "list";
    peekCollectionHeader();
    TypePlan element = t.element();
    if (peekSize != 0 && peekType != element.thriftType()) {
      throw TranscodeException.of(what + " element type " + typeName(peekType) + " does not match (expected: " + typeName(element.thriftType()) + ")");
    }
    checkCount(what, peekSize, minSize(element.thriftType()));
    int size = peekSize;
    if (set) protocol.readSetBegin();
    else protocol.readListBegin();
    DistinctElements distinct = set ? new DistinctElements() : null;
    if (set) out.startSet(size);
    else out.startList(size);
    for (int i = 0; i < size; i++) {
      int start = transport.getBufferPosition();
      try {
        readValue(element, out, depth);
        if (distinct != null) distinct.add(buf, start, transport.getBufferPosition());
      } catch (TranscodeException e) {
        throw e.atIndex(i);
      } catch (TException e) {
        throw convert(e, TypePlanText.describe(element)).atIndex(i);
      }
    }
    if (set) {
      protocol.readSetEnd();
      out.endSet();
    } else {
      protocol.readListEnd();
      out.endList();
    }
  }

  private void readMap(TypePlan t, ValueSink out, int depth) throws TException {
    if (depth > limits.maxDepth()) throw tooDeep(depth);
    peekMapHeader();
    TypePlan key = t.key();
    TypePlan value = t.element();
    if (peekSize != 0 && (peekType != key.thriftType() || peekValueType != value.thriftType())) {
      throw TranscodeException.of(
          "map types " + typeName(peekType) + "," + typeName(peekValueType) + " do not match (expected: " + typeName(key.thriftType()) + "," + typeName(value.thriftType()) + ")");
    }
    checkCount("map", peekSize, minSize(key.thriftType()) + minSize(value.thriftType()));
    int size = peekSize;
    protocol.readMapBegin();
    out.startMap(size);
    for (int i = 0; i < size; i++) {
      int keyStart = transport.getBufferPosition();
      try {
        readValue(key, out, depth);
      } catch (TranscodeException e) {
        throw e.atKey("#" + i);
      } catch (TException e) {
        throw convert(e, TypePlanText.describe(key)).atKey("#" + i);
      }
      try {
        readValue(value, out, depth);
      } catch (TranscodeException e) {
        throw e.atKey(keyText(key, keyStart, i));
      } catch (TException e) {
        throw convert(e, TypePlanText.describe(value)).atKey(keyText(key, keyStart, i));
      }
    }
    protocol.readMapEnd();
    out.endMap();
  }

  /** The JSON text of a map key already read, for an error path: re-decodes it from the input. */
  private String keyText(TypePlan key, int keyStart, int entry) {
    try {
      TMemoryInputTransport t = new TMemoryInputTransport(buf, keyStart, end - keyStart);
      TProtocol p = compact ? new TCompactProtocol(t) : new TBinaryProtocol(t);
      switch (key.kind()) {
        case STRING:
          return TranscodeException.quote(p.readString());
        case INTEGER:
          switch (key.thriftType()) {
            case TType.BYTE:
              return Byte.toString(p.readByte());
            case TType.I16:
              return Integer.toString(compact ? p.readI32() : p.readI16());
            case TType.I32:
              return Integer.toString(p.readI32());
            default:
              return Long.toString(p.readI64());
          }
        case ENUM:
          {
            int n = p.readI32();
            String name = key.enumPlan().name(n);
            return name != null ? TranscodeException.quote(name) : Integer.toString(n);
          }
        case BOOL:
          return Boolean.toString(p.readBool());
        default:
          return "#" + entry;
      }
    } catch (TException e) {
      return "#" + entry;
    }
  }

  private void skipUnknown(byte type, short id, int depth) {
    try {
      skipValue(type, depth);
    } catch (TranscodeException e) {
      throw e.atField("<field id " + id + ">");
    } catch (TException e) {
      throw convert(e, "the rest of unknown field " + id);
    }
  }

  /**
   * Skips one value of an unknown field with the same guards as reading: libthrift's own skip
   * trusts declared string lengths (a negative one crashes it), so it is not used.
   */
  private void skipValue(byte type, int depth) throws TException {
    switch (type) {
      case TType.BOOL:
        protocol.readBool();
        return;
      case TType.BYTE:
        protocol.readByte();
        return;
      case TType.I16:
        if (compact) checkVarint(type);
        protocol.readI16();
        return;
      case TType.I32:
        if (compact) checkVarint(type);
        protocol.readI32();
        return;
      case TType.I64:
        if (compact) checkVarint(type);
        protocol.readI64();
        return;
      case TType.DOUBLE:
        protocol.readDouble();
        return;
      case TType.UUID:
        protocol.readUuid();
        return;
      case TType.STRING:
        checkLength(peekStringLength());
        protocol.readBinary();
        return;
      case TType.STRUCT:
        {
          if (depth + 1 > limits.maxDepth()) throw tooDeep(depth + 1);
          protocol.readStructBegin();
          while (true) {
            if (compact) checkFieldHeaderVarint();
            TField header = protocol.readFieldBegin();
            if (header.type == TType.STOP) break;
            skipValue(header.type, depth + 1);
          }
          protocol.readStructEnd();
          return;
        }
      case TType.LIST:
      case TType.SET:
        {
          if (depth + 1 > limits.maxDepth()) throw tooDeep(depth + 1);
          peekCollectionHeader();
          byte element = peekType;
          int size = peekSize;
          if (size != 0) checkType(element);
          checkCount(type == TType.LIST ? "list" : "set", size, minSize(element));
          if (type == TType.LIST) protocol.readListBegin();
          else protocol.readSetBegin();
          for (int i = 0; i < size; i++) skipValue(element, depth + 1);
          return;
        }
      case TType.MAP:
        {
          if (depth + 1 > limits.maxDepth()) throw tooDeep(depth + 1);
          peekMapHeader();
          byte key = peekType;
          byte value = peekValueType;
          int size = peekSize;
          if (size != 0) {
            checkType(key);
            checkType(value);
          }
          checkCount("map", size, minSize(key) + minSize(value));
          protocol.readMapBegin();
          for (int i = 0; i < size; i++) {
            skipValue(key, depth + 1);
            skipValue(value, depth + 1);
          }
          return;
        }
      default:
        checkType(type);
        throw new AssertionError(type);
    }
  }

  private static void checkType(byte type) {
    if (type < 0 || type >= TYPE_NAMES.length || TYPE_NAMES[type] == null || type == TType.VOID || type == TType.STOP) {
      throw TranscodeException.of("unknown Thrift type code " + type + " (expected: a Thrift type)");
    }
  }

  // ---- peeks at declared sizes, so they can be checked before libthrift reads and allocates ----

  /**
   * libthrift's compact varint decoder does not stop after 5 (or 10) bytes when enough input
   * follows, and then reads past the end of its buffer; so a compact integer's varint is checked to
   * end in time, and within the input, before libthrift decodes it.
   */
  private void checkVarint(byte type) {
    if (type == TType.BYTE) return;
    int max = type == TType.I64 ? 10 : 5;
    int pos = transport.getBufferPosition();
    for (int i = pos; ; i++) {
      if (i >= end) throw truncated(type == TType.I64 ? "an i64" : type == TType.I16 ? "an i16" : "an i32");
      if (i - pos == max) throw TranscodeException.of("malformed varint (expected: at most " + max + " bytes)");
      if (buf[i] >= 0) return;
    }
  }

  /** A compact field header with delta 0 carries its id as a varint after the type byte. */
  private void checkFieldHeaderVarint() {
    int pos = transport.getBufferPosition();
    if (pos < end && (buf[pos] & 0xF0) == 0 && buf[pos] != 0) {
      for (int i = pos + 1; ; i++) {
        if (i >= end) throw truncated("a field header or STOP");
        if (i - pos - 1 == 5) throw TranscodeException.of("malformed varint (expected: at most 5 bytes)");
        if (buf[i] >= 0) return;
      }
    }
  }

  private int peekStringLength() {
    int pos = transport.getBufferPosition();
    if (compact) {
      peekVarint(pos);
      return peekSize;
    }
    if (end - pos < 4) throw truncated("a string length");
    peekHeaderBytes = 4;
    return readBigEndianInt(pos);
  }

  private void peekCollectionHeader() {
    int pos = transport.getBufferPosition();
    if (compact) {
      if (pos >= end) throw truncated("a list or set header");
      int b = buf[pos] & 0xFF;
      peekType = compactToTType(b & 0x0F);
      int size = b >>> 4;
      if (size == 15) {
        peekVarint(pos + 1);
        size = peekSize;
        peekHeaderBytes++;
      } else {
        peekHeaderBytes = 1;
      }
      peekSize = size;
      if (peekType < 0 && size != 0) throw TranscodeException.of("unknown element type code " + (b & 0x0F) + " (expected: a Thrift compact type)");
      return;
    }
    if (end - pos < 5) throw truncated("a list or set header");
    peekType = buf[pos];
    peekSize = readBigEndianInt(pos + 1);
    peekHeaderBytes = 5;
  }

  private void peekMapHeader() {
    int pos = transport.getBufferPosition();
    if (compact) {
      peekVarint(pos);
      if (peekSize != 0) {
        int at = pos + peekHeaderBytes;
        if (at >= end) throw truncated("a map header");
        int b = buf[at] & 0xFF;
        peekType = compactToTType(b >>> 4);
        peekValueType = compactToTType(b & 0x0F);
        peekHeaderBytes++;
      }
      return;
    }
    if (end - pos < 6) throw truncated("a map header");
    peekType = buf[pos];
    peekValueType = buf[pos + 1];
    peekSize = readBigEndianInt(pos + 2);
    peekHeaderBytes = 6;
  }

  /**
   * Peeks an unsigned LEB128 varint of at most 5 bytes (a compact-protocol length or count).
   * libthrift keeps its varint decoder private, so the peek decodes it here; libthrift then reads
   * the same bytes itself.
   */
  private void peekVarint(int pos) {
    int result = 0;
    int shift = 0;
    int i = pos;
    while (true) {
      if (i >= end) throw truncated("a length");
      if (i - pos == 5) throw TranscodeException.of("malformed varint (expected: at most 5 bytes)");
      int b = buf[i++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) break;
      shift += 7;
    }
    peekSize = result;
    peekHeaderBytes = i - pos;
  }

  private int readBigEndianInt(int pos) {
    return ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
  }

  private static byte compactToTType(int code) {
    switch (code) {
      case 1:
      case 2:
        return TType.BOOL;
      case 3:
        return TType.BYTE;
      case 4:
        return TType.I16;
      case 5:
        return TType.I32;
      case 6:
        return TType.I64;
      case 7:
        return TType.DOUBLE;
      case 8:
        return TType.STRING;
      case 9:
        return TType.LIST;
      case 10:
        return TType.SET;
      case 11:
        return TType.MAP;
      case 12:
        return TType.STRUCT;
      case 13:
        return TType.UUID;
      default:
        return -1;
    }
  }

  private void checkLength(int size) {
    if (size < 0) throw TranscodeException.of("negative length " + size + " (expected: 0 or more bytes)");
    if (size > limits.maxStringBytes()) {
      throw TranscodeException.of("length " + size + " exceeds the limit (expected: at most " + limits.maxStringBytes() + " bytes)");
    }
    int remaining = end - transport.getBufferPosition() - peekHeaderBytes;
    if (size > remaining) {
      throw TranscodeException.of("length " + size + " exceeds the " + remaining + " bytes remaining (expected: at most " + remaining + ")");
    }
  }

  private void checkCount(String what, int size, int minElementBytes) {
    if (size < 0) throw TranscodeException.of("negative " + what + " size " + size + " (expected: 0 or more)");
    if (size > limits.maxContainerSize()) {
      throw TranscodeException.of(what + " size " + size + " exceeds the limit (expected: at most " + limits.maxContainerSize() + ")");
    }
    long needed = (long) size * minElementBytes;
    int remaining = end - transport.getBufferPosition() - peekHeaderBytes;
    if (needed > remaining) {
      throw TranscodeException.of(what + " size " + size + " needs at least " + needed + " bytes but " + remaining + " remain (expected: a size that fits the input)");
    }
  }

  /** The fewest bytes one value of a type takes, for the size-versus-remaining check. */
  private int minSize(byte type) {
    switch (type) {
      case TType.DOUBLE:
      case TType.I64:
        return compact ? (type == TType.DOUBLE ? 8 : 1) : 8;
      case TType.I32:
        return compact ? 1 : 4;
      case TType.I16:
        return compact ? 1 : 2;
      case TType.STRING:
      case TType.MAP:
        return compact ? 1 : 4;
      case TType.LIST:
      case TType.SET:
        return compact ? 1 : 5;
      case TType.UUID:
        return 16;
      default:
        return 1;
    }
  }

  private TranscodeException tooDeep(int depth) {
    return TranscodeException.of("nesting depth " + depth + " exceeds the limit (expected: at most " + limits.maxDepth() + " levels)");
  }

  private TranscodeException truncated(String what) {
    return TranscodeException.of("input ends early (expected: " + what + ")");
  }

  private TranscodeException convert(TException e, String what) {
    if (e instanceof TTransportException) return truncated(what);
    if (e instanceof TProtocolException pe) {
      switch (pe.getType()) {
        case TProtocolException.NEGATIVE_SIZE:
          return TranscodeException.of("negative size (expected: " + what + ")");
        case TProtocolException.SIZE_LIMIT:
          return TranscodeException.of("size exceeds the limit (expected: " + what + ")");
        case TProtocolException.DEPTH_LIMIT:
          return tooDeep(limits.maxDepth() + 1);
        default:
          break;
      }
    }
    return TranscodeException.of("malformed Thrift data (expected: " + what + ")");
  }

  static String typeName(byte type) {
    return type >= 0 && type < TYPE_NAMES.length && TYPE_NAMES[type] != null ? TYPE_NAMES[type] : "code " + type;
  }
}
