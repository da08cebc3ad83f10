package dev.polyglot.translate.binding;

import dev.polyglot.idl.EnumValueDef;
import dev.polyglot.translate.event.EnumPlan;
import dev.polyglot.translate.event.TranscodeException;

/** Error texts for enum conversions; only reached on the failure path. */
final class Enums {
  private Enums() {}

  static String names(EnumPlan e) {
    StringBuilder sb = new StringBuilder();
    for (EnumValueDef v : e.def().values()) sb.append(sb.length() == 0 ? "" : ", ").append(v.name());
    return sb.toString();
  }

  /** {@code MEMBER_TIER_UNSPECIFIED (0) of acme.Tier has no counterpart in warehouse.Tier (expected: ...)}. */
  static TranscodeException noCounterpart(Conv c, int number) {
    String name = c.sourceEnum.name(number);
    String value = name != null ? name + " (" + number + ") of " + c.sourceEnum.qualifiedName() : "enum number " + number + " of " + c.sourceEnum.qualifiedName();
    if (c.kind == Conv.ENUM_TO_NAME) {
      return TranscodeException.of(value + " is not a declared value (expected: one of " + names(c.sourceEnum) + ")");
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < c.sourceNumbers.length; i++) {
      if (c.targetNumbers[i] == Conv.NONE || c.targetNumbers[i] == Conv.UNSET) continue;
      expected.append(expected.length() == 0 ? "" : ", ").append(c.sourceEnum.name(c.sourceNumbers[i]));
    }
    return TranscodeException.of(value + " has no counterpart in " + c.targetEnum.qualifiedName() + " (expected: one of " + expected + ")");
  }
}
