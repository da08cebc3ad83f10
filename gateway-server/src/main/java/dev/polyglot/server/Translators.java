package dev.polyglot.server;

import dev.polyglot.gateway.route.BindingTranslatorFactory;
import dev.polyglot.gateway.route.TranslatorFactory;

/** The translator factory the command line installs: the translators' method bindings. */
final class Translators {
  private Translators() {}

  static TranslatorFactory factory() {
    return new BindingTranslatorFactory();
  }
}
