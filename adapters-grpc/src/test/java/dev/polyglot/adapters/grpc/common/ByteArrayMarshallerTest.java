package dev.polyglot.adapters.grpc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ByteArrayMarshallerTest {
  private static final byte[] MESSAGE = {8, (byte) 0x96, 1, 18, 3, 'a', 'b', 'c'};

  @Test
  void theOutgoingStreamTellsItsExactLengthAndDrainsTheRestInOneWrite() throws Exception {
    InputStream s = ByteArrayMarshaller.INSTANCE.stream(MESSAGE);
    assertInstanceOf(KnownLength.class, s);
    assertEquals(8, s.available());
    assertEquals(8, s.read());
    assertEquals(7, s.available());

    CountingOut out = new CountingOut();
    assertEquals(7, ((Drainable) s).drainTo(out));
    assertArrayEquals(new byte[] {(byte) 0x96, 1, 18, 3, 'a', 'b', 'c'}, out.toByteArray());
    assertEquals(1, out.writes, "one write for the whole rest");
    assertEquals(0, s.available());
    assertEquals(-1, s.read());
  }

  @Test
  void aKnownLengthStreamIsReadIntoOneExactArray() {
    byte[] parsed = ByteArrayMarshaller.INSTANCE.parse(ByteArrayMarshaller.INSTANCE.stream(MESSAGE));
    assertArrayEquals(MESSAGE, parsed);
  }

  @Test
  void aPlainStreamOfUnknownLengthIsReadToItsEnd() {
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) big[i] = (byte) i;
    InputStream plain = new InputStream() {
      private final ByteArrayInputStream in = new ByteArrayInputStream(big);

      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, Math.min(len, 1000));
      }
    };
    assertArrayEquals(big, ByteArrayMarshaller.INSTANCE.parse(plain));
  }

  @Test
  void aKnownLengthStreamThatEndsEarlyIsAnErrorNotAShortMessage() {
    class Lying extends ByteArrayInputStream implements KnownLength {
      Lying() {
        super(new byte[] {1, 2, 3});
      }

      @Override
      public synchronized int available() {
        return 5;
      }
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ByteArrayMarshaller.INSTANCE.parse(new Lying()));
    assertEquals("message ended after 3 of 5 bytes", e.getCause().getMessage());
  }

  private static final class CountingOut extends ByteArrayOutputStream {
    int writes;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public synchronized void write(int b) {
      writes++;
      super.write(b);
    }
  }
}
