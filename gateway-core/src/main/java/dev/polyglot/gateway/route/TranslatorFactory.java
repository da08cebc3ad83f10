package dev.polyglot.gateway.route;

/**
 * Compiles the translation for one method pair when a route is compiled. The translators' bindings are
 * plugged in here; until then {@link #passThroughOnly()} serves routes whose two sides are the same
 * service. Called on the compiler thread only; the results must be thread-safe.
 */
@FunctionalInterface
public interface TranslatorFactory {
  /** @throws BridgeException with every reason the pair cannot be bridged */
  MethodTranslation bind(MethodPair pair) throws BridgeException;

  /** Binds pass-through pairs with {@link CallTranslator#passThrough()}; rejects every other pair. */
  static TranslatorFactory passThroughOnly() {
    return pair -> {
      if (!pair.isPassThrough()) {
        throw new BridgeException(java.util.List.of("no translator is installed for " + pair.callerService().qualifiedName()
            + " -> " + pair.backendService().qualifiedName() + " (only pass-through routes can be served)"));
      }
      return MethodTranslation.of(CallTranslator.passThrough(), RequestCanonicalizer.EXACT_BYTES);
    };
  }
}
