package dev.polyglot.conformance.reference;

import java.util.List;

/**
 * A reference backend serving the interop service on a bound port, until {@link #close()}.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, drops open connections and returns once the
 * serving threads have ended; calling it again does nothing.
 */
public interface RunningBackend extends AutoCloseable {

  /** The port actually bound (the ephemeral one when started with port 0). */
  int port();

  /** The events recorded by {@code logEvent} so far, oldest first (a snapshot). */
  List<String> loggedEvents();

  @Override
  void close();
}
