package dev.polyglot.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polyglot.interop.v1.InteropServiceGrpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteropIdlTest {

  @Test
  void theProtoOnTheClasspathIsTheOneGrpcStubsWereGeneratedFrom() {
    String proto = InteropIdl.text(InteropIdl.PROTO_RESOURCE);
    assertTrue(proto.contains("package polyglot.interop.v1;"), "package line");
    assertTrue(proto.contains("service InteropService {"), "service line");
    assertEquals(InteropIdl.PROTO_SERVICE, InteropServiceGrpc.SERVICE_NAME);
  }

  @Test
  void theThriftIdlOnTheClasspathDeclaresTheInteropService() {
    assertTrue(InteropIdl.text(InteropIdl.THRIFT_RESOURCE).contains("service Interop {"));
  }

  @Test
  void copyToWritesBothFilesWithTheResourcesContent(@TempDir Path dir) throws IOException {
    List<Path> written = InteropIdl.copyTo(dir.resolve("idl"));
    assertEquals(List.of(dir.resolve("idl/interop.thrift"), dir.resolve("idl/interop.proto")), written);
    assertEquals(InteropIdl.text(InteropIdl.THRIFT_RESOURCE), Files.readString(written.get(0), StandardCharsets.UTF_8));
    assertEquals(InteropIdl.text(InteropIdl.PROTO_RESOURCE), Files.readString(written.get(1), StandardCharsets.UTF_8));
  }
}
