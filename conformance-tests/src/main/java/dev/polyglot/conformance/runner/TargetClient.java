package dev.polyglot.conformance.runner;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;
import java.time.Duration;

/**
 * A client of the target under test speaking its protocol with raw bytes: the conformance suite's
 * own client, independent of the gateway's backend clients, so that a gateway bug cannot hide
 * itself. Replies follow the gateway's {@link Reply} contract (a declared exception is an error reply
 * whose status carries the exception as its detail), which is what the method bindings translate.
 *
 * <p>Not thread-safe: the runner makes one call at a time, in case order, on one connection (so that
 * "a call right after a oneway" is on the same connection).
 */
interface TargetClient extends AutoCloseable {

  /** The wire format of requests and ok replies. */
  WireFormat format();

  /**
   * One call of {@code method} of {@code service} (the target's own service) with {@code request} in
   * {@link #format()}. Never throws for a failure the target reports; transport failures are
   * {@code unavailable} or {@code deadline_exceeded} error replies.
   */
  Reply call(Schema schema, ServiceDef service, MethodDef method, byte[] request, Duration timeout);

  @Override
  void close();
}
