package dev.polyglot.adapters.http.testing;

import dev.polyglot.gateway.call.Reply;
import dev.polyglot.gateway.call.StatusException;
import dev.polyglot.gateway.route.BridgeException;
import dev.polyglot.gateway.route.CallTranslator;
import dev.polyglot.gateway.route.MethodPair;
import dev.polyglot.gateway.route.MethodTranslation;
import dev.polyglot.gateway.route.RequestCanonicalizer;
import dev.polyglot.gateway.route.TranslatorFactory;
import dev.polyglot.translate.Transcoder;
import dev.polyglot.translate.WireFormat;
import dev.polyglot.translate.event.Plans;
import dev.polyglot.translate.event.StructPlan;
import dev.polyglot.translate.event.TranscodeException;
import dev.polyglot.translate.status.Status;
import dev.polyglot.translate.status.StatusCode;
import java.util.List;

/**
 * Binds same-service pairs with a translator that reads every request with the real JSON reader of
 * the caller's dialect and writes it again (so malformed JSON and wrong types fail exactly as they
 * will with the translators' bindings, as INVALID_ARGUMENT with the field path) and passes replies
 * through. Other pairs cannot be bridged here.
 */
public final class ValidatingTranslatorFactory implements TranslatorFactory {
  private final Transcoder transcoder = Transcoder.standard();

  @Override
  public MethodTranslation bind(MethodPair pair) throws BridgeException {
    if (!pair.isPassThrough()) {
      throw new BridgeException(List.of("no translator is installed for " + pair.callerService().qualifiedName() + " -> " + pair.backendService().qualifiedName()));
    }
    StructPlan request = Plans.of(pair.schema()).struct(pair.callerMethod().request().qualifiedName());
    CallTranslator translator = new CallTranslator() {
      @Override
      public byte[] translateRequest(byte[] bytes, WireFormat from, WireFormat to) {
        if (from != to) throw new StatusException(Status.of(StatusCode.UNIMPLEMENTED, from + " to " + to));
        try {
          return transcoder.transcode(request, from, to, bytes);
        } catch (TranscodeException e) {
          throw new StatusException(Status.of(e.code(), e.getMessage()));
        }
      }

      @Override
      public Reply translateReply(Reply reply, WireFormat to) {
        return reply;
      }
    };
    return MethodTranslation.of(translator, RequestCanonicalizer.EXACT_BYTES);
  }
}
