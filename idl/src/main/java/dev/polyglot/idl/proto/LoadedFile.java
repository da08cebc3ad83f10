package dev.polyglot.idl.proto;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import dev.polyglot.idl.SourceLocation;
import java.util.Map;

/**
 * One proto file on its way into the model, whichever front end read it.
 *
 * @param name the import name ({@code acme/v1/shop.proto}), unique within one load
 * @param displayPath where the user can find it ({@code protos/acme/v1/shop.proto}); used in every
 *     {@link SourceLocation} of its definitions
 * @param proto the file's descriptor, options already parsed with {@code google.api.http} known
 * @param locations element key (see {@link ElementKeys}) to position; absent keys mean "unknown"
 */
record LoadedFile(String name, String displayPath, FileDescriptorProto proto, Map<String, SourceLocation> locations) {

  SourceLocation locate(String key) {
    SourceLocation l = locations.get(key);
    return l != null ? l : SourceLocation.of(displayPath, 0, 0);
  }
}
