package dev.polyglot.gateway.testing;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.polyglot.gateway.route.RequestCanonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A real canonical form for flat protobuf messages (no nested messages): fields re-emitted in field
 * number order, repeated values keeping their relative order — so that two encodings of one value
 * written in different field orders become the same bytes. The translators will supply the full
 * schema-driven version; this one lets core's cache be tested on real protobuf bytes.
 */
public final class FieldOrderCanonicalizer implements RequestCanonicalizer {

  private record Field(int number, int wireType, long varint, byte[] bytes) {}

  @Override
  public byte[] canonicalize(byte[] request, dev.polyglot.translate.WireFormat format) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(request);
      List<Field> fields = new ArrayList<>();
      int tag;
      while ((tag = in.readTag()) != 0) {
        int n = WireFormat.getTagFieldNumber(tag);
        int wt = WireFormat.getTagWireType(tag);
        switch (wt) {
          case WireFormat.WIRETYPE_VARINT -> fields.add(new Field(n, wt, in.readRawVarint64(), null));
          case WireFormat.WIRETYPE_FIXED64 -> fields.add(new Field(n, wt, in.readRawLittleEndian64(), null));
          case WireFormat.WIRETYPE_FIXED32 -> fields.add(new Field(n, wt, in.readRawLittleEndian32(), null));
          case WireFormat.WIRETYPE_LENGTH_DELIMITED -> fields.add(new Field(n, wt, 0, in.readByteArray()));
          default -> throw new IllegalArgumentException("unsupported wire type " + wt);
        }
      }
      fields.sort(Comparator.comparingInt(Field::number)); // stable: repeated values keep their order
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      for (Field f : fields) {
        out.writeTag(f.number(), f.wireType());
        switch (f.wireType()) {
          case WireFormat.WIRETYPE_VARINT -> out.writeUInt64NoTag(f.varint());
          case WireFormat.WIRETYPE_FIXED64 -> out.writeFixed64NoTag(f.varint());
          case WireFormat.WIRETYPE_FIXED32 -> out.writeFixed32NoTag((int) f.varint());
          default -> out.writeByteArrayNoTag(f.bytes());
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
