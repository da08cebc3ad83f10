package dev.polyglot.translate.event;

import dev.polyglot.idl.EnumDef;
import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.idl.IdlKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A compiled enum. Thrift enums are closed (a number the IDL does not declare cannot be held by a
 * Thrift peer's generated code, so readers reject it); proto enums are open (unknown numbers are
 * preserved, as protobuf does). Immutable and shared.
 */
public final class EnumPlan {
  private final EnumDef def;
  private final boolean closed;
  private final int[] numbers; // sorted, distinct
  private final String[] names; // first declared name for numbers[i]
  private final Map<String, Integer> byName;

  EnumPlan(EnumDef def) {
    this.def = def;
    this.closed = def.idl() == IdlKind.THRIFT;
    int[] all = def.values().stream().mapToInt(EnumValueDef::number).distinct().sorted().toArray();
    this.numbers = all;
    this.names = new String[all.length];
    for (int i = 0; i < all.length; i++) names[i] = def.byNumber(all[i]).orElseThrow().name();
    Map<String, Integer> m = new HashMap<>();
    for (EnumValueDef v : def.values()) m.put(v.name(), v.number());
    this.byName = m;
  }

  public EnumDef def() {
    return def;
  }

  public String qualifiedName() {
    return def.qualifiedName();
  }

  /** True for Thrift enums: undeclared numbers are an error. */
  public boolean isClosed() {
    return closed;
  }

  public boolean isKnown(int number) {
    return Arrays.binarySearch(numbers, number) >= 0;
  }

  /** The (first declared) name of a number, or null. */
  public String name(int number) {
    int i = Arrays.binarySearch(numbers, number);
    return i >= 0 ? names[i] : null;
  }

  /** The number of a declared name, or null. Meant for text formats. */
  public Integer number(String name) {
    return byName.get(name);
  }

  /** Throws unless a closed enum declares {@code number}. */
  public void checkKnown(int number) {
    if (closed && !isKnown(number)) {
      throw TranscodeException.of(number + " is not a value of enum " + qualifiedName() + " (expected: one of " + choices() + ")");
    }
  }

  private String choices() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < numbers.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(names[i]).append('=').append(numbers[i]);
    }
    return sb.toString();
  }
}
