package dev.polyglot.gateway.route;

import java.util.Objects;

/** What a {@link TranslatorFactory} compiles for one method pair. */
public record MethodTranslation(CallTranslator translator, RequestCanonicalizer canonicalizer) {
  public MethodTranslation {
    Objects.requireNonNull(translator, "translator");
    Objects.requireNonNull(canonicalizer, "canonicalizer");
  }

  public static MethodTranslation of(CallTranslator translator, RequestCanonicalizer canonicalizer) {
    return new MethodTranslation(translator, canonicalizer);
  }
}
