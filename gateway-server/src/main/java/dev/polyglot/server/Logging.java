package dev.polyglot.server;

/**
 * Console logging for the command line (slf4j-simple): one short line per event, INFO for our own
 * classes, warnings only from the libraries (Hazelcast, Netty, Undertow). Must run before the first
 * logger is created; explicit -D settings win.
 */
final class Logging {
  private Logging() {}

  static void configure() {
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setDefault("org.slf4j.simpleLogger.log.dev.polyglot", "info");
    // A single member says "No join method is enabled! Starting standalone." as a warning: that is
    // the intended default here, so only Hazelcast's errors are shown.
    setDefault("org.slf4j.simpleLogger.log.com.hazelcast", "error");
    setDefault("org.slf4j.simpleLogger.showDateTime", "true");
    setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    setDefault("org.slf4j.simpleLogger.showThreadName", "false");
    setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    setDefault("hazelcast.logging.type", "slf4j");
    setDefault("hazelcast.phone.home.enabled", "false");
    // Undertow and XNIO log through jboss-logging; route it to slf4j too.
    setDefault("org.jboss.logging.provider", "slf4j");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }
}
