package dev.polyglot.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request hash of cache keys: equal bytes hash equally, and near-identical requests spread. */
class CacheKeyHashTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 100, 1_024, 16_384})
  void equalBytesHashEquallyWhateverTheArray(int length) {
    byte[] a = bytes(length);
    assertEquals(CacheKey.hashOf(a), CacheKey.hashOf(a.clone()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 15, 16, 17, 100, 1_024})
  void changingAnyOneByteOrTheLengthChangesTheHash(int length) {
    byte[] base = bytes(length);
    Set<Integer> hashes = new HashSet<>();
    hashes.add(CacheKey.hashOf(base));
    for (int i = 0; i < length; i++) {
      byte[] changed = base.clone();
      changed[i] ^= 1;
      hashes.add(CacheKey.hashOf(changed));
    }
    // One longer and one shorter (a trailing zero byte must count).
    hashes.add(CacheKey.hashOf(java.util.Arrays.copyOf(base, length + 1)));
    hashes.add(CacheKey.hashOf(java.util.Arrays.copyOf(base, length - 1)));
    assertEquals(length + 3, hashes.size());
  }

  private static byte[] bytes(int length) {
    byte[] b = new byte[length];
    new Random(length).nextBytes(b);
    return b;
  }
}
