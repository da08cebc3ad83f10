package dev.polyglot.conformance.reference;

import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

/**
 * The interop service as a libthrift {@link TProcessor}, without generated code: reads one message,
 * dispatches by method name, and writes the reply the way generated processors do — a REPLY whose
 * result struct holds the success value in field 0 or a declared exception at its throws id, or an
 * EXCEPTION message carrying a {@link TApplicationException} (UNKNOWN_METHOD, PROTOCOL_ERROR for
 * undecodable arguments, INTERNAL_ERROR with the failure's message for undeclared failures). Oneway
 * methods are run to completion before the next message is read and are never answered.
 *
 * <p>Thread-safe: one instance serves every connection; the only shared state is the event log.
 */
final class ThriftInteropProcessor implements TProcessor {
  private final List<String> events;

  /** @param events where logEvent appends; must be safe for concurrent appends */
  ThriftInteropProcessor(List<String> events) {
    this.events = events;
  }

  @Override
  public void process(TProtocol in, TProtocol out) throws TException {
    TMessage message = withoutServicePrefix(in.readMessageBegin());
    InteropThriftSchema.Method method = InteropThriftSchema.METHODS.get(message.name);
    if (method == null) {
      TProtocolUtil.skip(in, TType.STRUCT);
      in.readMessageEnd();
      writeException(out, message, new TApplicationException(
          TApplicationException.UNKNOWN_METHOD, "Invalid method name: '" + message.name + "'"));
      return;
    }
    StructValue args;
    try {
      args = ThriftValueCodec.readStruct(in, method.args());
      in.readMessageEnd();
    } catch (TProtocolException e) {
      // The rest of this message cannot be trusted; the connection ends after the answer.
      writeException(out, message,
          new TApplicationException(TApplicationException.PROTOCOL_ERROR, e.getMessage()));
      throw e;
    }
    boolean answer = !method.oneway() && message.type != TMessageType.ONEWAY;
    StructValue result = new StructValue(method.result());
    try {
      Object success = invoke(method.name(), args);
      if (success != null) {
        result.setById(0, success);
      }
    } catch (DeclaredFailure declared) {
      result.setById(declared.fieldId, declared.exception);
    } catch (RuntimeException undeclared) {
      if (answer) {
        writeException(out, message, new TApplicationException(
            TApplicationException.INTERNAL_ERROR, String.valueOf(undeclared.getMessage())));
      }
      return;
    }
    if (answer) {
      out.writeMessageBegin(new TMessage(message.name, TMessageType.REPLY, message.seqid));
      ThriftValueCodec.writeStruct(out, result);
      out.writeMessageEnd();
      out.getTransport().flush();
    }
  }

  /**
   * Accepts {@code TMultiplexedProtocol} callers naming this service ({@code Interop:method} or
   * {@code interop.Interop:method}) and, as libthrift's multiplexed processor does, answers them under
   * the bare method name. Any other prefix stays, and so makes an unknown method.
   */
  private static TMessage withoutServicePrefix(TMessage message) {
    int colon = message.name.indexOf(':');
    if (colon < 0) {
      return message;
    }
    String service = message.name.substring(0, colon);
    if (!service.equals("Interop") && !service.equals("interop.Interop")) {
      return message;
    }
    return new TMessage(message.name.substring(colon + 1), message.type, message.seqid);
  }

  private static void writeException(TProtocol out, TMessage call, TApplicationException e) throws TException {
    out.writeMessageBegin(new TMessage(call.name, TMessageType.EXCEPTION, call.seqid));
    e.write(out);
    out.writeMessageEnd();
    out.getTransport().flush();
  }

  /** Runs one method; returns the success value (null for void) or throws a declared or undeclared failure. */
  private Object invoke(String name, StructValue args) throws DeclaredFailure {
    return switch (name) {
      case "ping" -> null;
      case "add" -> add((Integer) args.byId(1), (Long) args.byId(3));
      case "getItem" -> getItem(stringArg(args, 1));
      case "reserve" -> reserve(stringArg(args, 1), (Integer) args.byId(3));
      case "failUndeclared" -> throw new IllegalStateException(stringArg(args, 1));
      case "logEvent" -> {
        events.add(stringArg(args, 1));
        yield null;
      }
      case "loggedEvents" -> List.copyOf(events);
      case "delay" -> {
        InteropRules.sleep((Integer) args.byId(1));
        yield null;
      }
      // Every other method is an echo of its only argument, as received (defaults filled in).
      default -> args.byId(1);
    };
  }

  private static String stringArg(StructValue args, int id) {
    Object value = args.byId(id);
    return value == null ? "" : (String) value;
  }

  private static Long add(int left, long right) {
    try {
      return Math.addExact(left, right);
    } catch (ArithmeticException e) {
      throw new IllegalStateException(InteropRules.addOverflowMessage(left, right), e);
    }
  }

  private static StructValue getItem(String sku) throws DeclaredFailure {
    if (sku.equals(InteropRules.MISSING_SKU)) {
      throw itemNotFound(sku);
    }
    return new StructValue(InteropThriftSchema.ITEM)
        .setById(1, sku)
        .setById(3, InteropRules.ITEM_QUANTITY)
        .setById(4, new StructValue(InteropThriftSchema.DIMENSIONS)
            .setById(1, InteropRules.ITEM_WIDTH_CM)
            .setById(2, InteropRules.ITEM_HEIGHT_CM))
        .setById(9, InteropRules.ITEM_TAGS)
        .setById(12, InteropRules.DEFAULT_ORIGIN);
  }

  private static Integer reserve(String sku, int quantity) throws DeclaredFailure {
    if (sku.equals(InteropRules.MISSING_SKU)) {
      throw itemNotFound(sku);
    }
    if (quantity < 1) {
      throw new DeclaredFailure(InteropThriftSchema.INVALID_ID,
          new StructValue(InteropThriftSchema.INVALID_REQUEST)
              .setById(1, InteropRules.invalidQuantityMessage(quantity))
              .setById(2, "quantity"));
    }
    if (quantity > InteropRules.STOCK) {
      throw new DeclaredFailure(InteropThriftSchema.OUT_OF_STOCK_ID,
          new StructValue(InteropThriftSchema.OUT_OF_STOCK)
              .setById(1, InteropRules.outOfStockMessage(sku, quantity))
              .setById(2, sku)
              .setById(3, InteropRules.STOCK)
              .setById(4, quantity));
    }
    return InteropRules.STOCK - quantity;
  }

  private static DeclaredFailure itemNotFound(String sku) {
    return new DeclaredFailure(InteropThriftSchema.NOT_FOUND_ID,
        new StructValue(InteropThriftSchema.ITEM_NOT_FOUND)
            .setById(1, InteropRules.itemNotFoundMessage(sku))
            .setById(2, sku));
  }

  /** A declared exception: the result struct's field id and the exception's value. */
  static final class DeclaredFailure extends Exception {
    final short fieldId;
    final StructValue exception;

    DeclaredFailure(short fieldId, StructValue exception) {
      super(exception.shape.name(), null, false, false);
      this.fieldId = fieldId;
      this.exception = exception;
    }
  }
}
