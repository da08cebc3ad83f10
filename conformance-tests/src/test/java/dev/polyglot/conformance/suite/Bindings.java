package dev.polyglot.conformance.suite;

import dev.polyglot.gateway.route.BindingTranslatorFactory;
import dev.polyglot.gateway.route.TranslatorFactory;

/**
 * The translator factory the tests install in gateways and give the runner for --target-service: the
 * method bindings, as the command line installs them.
 */
final class Bindings {
  static final TranslatorFactory FACTORY = new BindingTranslatorFactory();

  private Bindings() {}
}
