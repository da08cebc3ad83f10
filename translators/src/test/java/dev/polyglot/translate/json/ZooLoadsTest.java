package dev.polyglot.translate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZooLoadsTest {
  @Test
  void theZooLoadsWithRealDescriptors() {
    assertEquals("zoo.v1.Known", Zoo.descriptor("zoo.v1.Known").getFullName());
    assertEquals(19, Zoo.proto("Known").fieldCount());
    assertEquals(12, Zoo.thrift("Scalars").fieldCount());
  }
}
