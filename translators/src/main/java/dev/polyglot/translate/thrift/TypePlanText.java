package dev.polyglot.translate.thrift;

import dev.polyglot.translate.event.TypePlan;

/** Phrases for error messages about a type. */
final class TypePlanText {
  private TypePlanText() {}

  /** {@code an i32}, {@code a list<string>}. */
  static String describe(TypePlan t) {
    String d = t.display();
    char c = Character.toLowerCase(d.charAt(0));
    return (c == 'a' || c == 'e' || c == 'i' || c == 'o' ? "an " : "a ") + d;
  }
}
