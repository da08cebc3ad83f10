package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.translate.WireFormat;

/**
 * Translates one method's requests and replies between the caller's wire format and the backend's,
 * compiled once per (caller method, backend method) pair. The translators' method binding is wrapped
 * into this interface (translators cannot depend on core). Thread-safe and stateless per call.
 *
 * <p>Buffers: inputs are read, never mutated or retained; the returned bytes are new (or the input
 * itself when no change is needed).
 */
public interface CallTranslator {

  /**
   * @throws StatusException {@code INVALID_ARGUMENT} naming the field path when the request does not
   *     decode or does not fit the backend's types; {@code UNIMPLEMENTED} when the format pair is not
   *     supported
   */
  byte[] translateRequest(byte[] request, WireFormat from, WireFormat to);

  /**
   * Turns a backend reply into the caller's format: the success payload, or an error reply's declared
   * exception detail. Failures without a detail pass through unchanged.
   */
  Reply translateReply(Reply reply, WireFormat to);

  /**
   * Moves bytes unchanged when caller and backend speak the same format; any other pair fails with
   * {@code UNIMPLEMENTED}. What a pass-through route (same service on both sides) uses until a real
   * binding is supplied.
   */
  static CallTranslator passThrough() {
    return PassThroughTranslator.INSTANCE;
  }
}
