package dev.polyglot.gateway.route;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;

/** See {@link CallTranslator#passThrough()}. */
final class PassThroughTranslator implements CallTranslator {
  static final PassThroughTranslator INSTANCE = new PassThroughTranslator();

  private PassThroughTranslator() {}

  @Override
  public byte[] translateRequest(byte[] request, WireFormat from, WireFormat to) {
    if (from != to) throw unsupported(from, to);
    return request;
  }

  @Override
  public Reply translateReply(Reply reply, WireFormat to) {
    if (!reply.isOk()) {
      var detail = reply.status().detail();
      if (detail.isPresent() && detail.get().format() != to) throw unsupported(detail.get().format(), to);
      return reply;
    }
    if (reply.format() != to) throw unsupported(reply.format(), to);
    return reply;
  }

  private static StatusException unsupported(WireFormat from, WireFormat to) {
    return new StatusException(Status.of(StatusCode.UNIMPLEMENTED, "translation from " + from + " to " + to + " is not available on this route"));
  }
}
