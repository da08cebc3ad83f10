package dev.polyglot.conformance.suite;

import dev.polyglot.gateway.route.TranslatorFactory;

/** The translator factory the tests install in gateways and give the runner for --target-service. */
final class Bindings {
  static final TranslatorFactory FACTORY = TranslatorFactory.passThroughOnly();

  private Bindings() {}
}
