package dev.polyglot.bench.load;

import java.util.Arrays;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * Thrift client of {@code interop.Interop}: framed transport, binary protocol, one socket per slot
 * (a classic blocking Thrift client cannot share a connection between calls in flight). The
 * arguments struct is written with libthrift's protocol calls, field by field, exactly as generated
 * code would write it; there is no generated code for the interop IDL in this repository.
 */
final class ThriftTarget implements LoadTarget {
  private static final int TIMEOUT_MILLIS = 30_000;
  private static final TStruct ARGS = new TStruct("args");

  private final String host;
  private final int port;
  private final Payload payload;
  private final String text = Payload.text();
  private final byte[] binary = Payload.binary();
  private final String description = Payload.description();
  private final List<String> tags = Payload.tags();

  ThriftTarget(String host, int port, Payload payload) {
    this.host = host;
    this.port = port;
    this.payload = payload;
  }

  @Override
  public Slot openSlot() throws TException, java.net.SocketException {
    TSocket socket = new TSocket(host, port, TIMEOUT_MILLIS);
    socket.getSocket().setTcpNoDelay(true);
    TTransport transport = new TFramedTransport(socket, 64 << 20);
    transport.open();
    return new ThriftSlot(transport, new TBinaryProtocol(transport));
  }

  @Override
  public String describe() {
    return "Thrift " + host + ":" + port + " " + payload.thriftMethod();
  }

  @Override
  public void close() {}

  private final class ThriftSlot implements Slot {
    private final TTransport transport;
    private final TProtocol protocol;
    private int seqId;

    ThriftSlot(TTransport transport, TProtocol protocol) {
      this.transport = transport;
      this.protocol = protocol;
    }

    @Override
    public void call() throws TException {
      send();
      readReply(false);
    }

    @Override
    public void verifiedCall() throws TException {
      send();
      readReply(true);
    }

    private void send() throws TException {
      protocol.writeMessageBegin(new TMessage(payload.thriftMethod(), TMessageType.CALL, ++seqId));
      protocol.writeStructBegin(ARGS);
      switch (payload) {
        case B100 -> {
          protocol.writeFieldBegin(new TField("value", TType.STRING, (short) 1));
          protocol.writeString(text);
        }
        case KB16 -> {
          protocol.writeFieldBegin(new TField("value", TType.STRING, (short) 1));
          protocol.writeBinary(java.nio.ByteBuffer.wrap(binary));
        }
        case KB1 -> {
          protocol.writeFieldBegin(new TField("item", TType.STRUCT, (short) 1));
          writeItem();
        }
      }
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
      protocol.writeMessageEnd();
      transport.flush();
    }

    private void writeItem() throws TException {
      protocol.writeStructBegin(new TStruct("Item"));
      protocol.writeFieldBegin(new TField("sku", TType.STRING, (short) 1));
      protocol.writeString(Payload.SKU);
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("description", TType.STRING, (short) 2));
      protocol.writeString(description);
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("quantity", TType.I32, (short) 3));
      protocol.writeI32(Payload.QUANTITY);
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("dims", TType.STRUCT, (short) 4));
      protocol.writeStructBegin(new TStruct("Dimensions"));
      protocol.writeFieldBegin(new TField("width_cm", TType.I32, (short) 1));
      protocol.writeI32(Payload.WIDTH_CM);
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("height_cm", TType.I32, (short) 2));
      protocol.writeI32(Payload.HEIGHT_CM);
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("tags", TType.LIST, (short) 9));
      protocol.writeListBegin(new TList(TType.STRING, tags.size()));
      for (String tag : tags) protocol.writeString(tag);
      protocol.writeListEnd();
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("origin", TType.STRING, (short) 12));
      protocol.writeString(Payload.ORIGIN);
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
    }

    private void readReply(boolean verify) throws TException {
      TMessage m = protocol.readMessageBegin();
      if (m.type == TMessageType.EXCEPTION) {
        TApplicationException x = TApplicationException.readFrom(protocol);
        protocol.readMessageEnd();
        throw x;
      }
      if (m.seqid != seqId || !m.name.equals(payload.thriftMethod())) {
        throw new IllegalStateException(describe() + ": reply " + m.name + "#" + m.seqid + " to call " + payload.thriftMethod() + "#" + seqId);
      }
      boolean success = false;
      protocol.readStructBegin();
      while (true) {
        TField f = protocol.readFieldBegin();
        if (f.type == TType.STOP) break;
        if (f.id == 0) {
          success = true;
          if (verify) checkResult(f.type);
          else TProtocolUtil.skip(protocol, f.type);
        } else {
          throw new IllegalStateException(describe() + ": declared exception in result field " + f.id);
        }
        protocol.readFieldEnd();
      }
      protocol.readStructEnd();
      protocol.readMessageEnd();
      if (!success) throw new IllegalStateException(describe() + ": the result struct has no success field");
    }

    private void checkResult(byte type) throws TException {
      switch (payload) {
        case B100 -> {
          String got = protocol.readString();
          if (!got.equals(text)) throw new IllegalStateException(describe() + ": echoed \"" + got + "\"");
        }
        case KB16 -> {
          java.nio.ByteBuffer got = protocol.readBinary();
          byte[] bytes = new byte[got.remaining()];
          got.get(bytes);
          if (!Arrays.equals(bytes, binary)) throw new IllegalStateException(describe() + ": echoed " + bytes.length + " different bytes");
        }
        case KB1 -> {
          if (type != TType.STRUCT) throw new IllegalStateException(describe() + ": result of type " + type + " (expected: a struct)");
          String sku = null;
          String desc = null;
          protocol.readStructBegin();
          while (true) {
            TField f = protocol.readFieldBegin();
            if (f.type == TType.STOP) break;
            if (f.id == 1 && f.type == TType.STRING) sku = protocol.readString();
            else if (f.id == 2 && f.type == TType.STRING) desc = protocol.readString();
            else TProtocolUtil.skip(protocol, f.type);
            protocol.readFieldEnd();
          }
          protocol.readStructEnd();
          if (!Payload.SKU.equals(sku) || !description.equals(desc)) {
            throw new IllegalStateException(describe() + ": echoed item has sku " + sku + " and a different description");
          }
        }
      }
    }

    @Override
    public void close() {
      transport.close();
    }
  }
}
