package dev.polyglot.gateway.route;

import dev.polyglot.idl.MethodDef;
import dev.polyglot.idl.Schema;
import dev.polyglot.idl.ServiceDef;
import dev.polyglot.translate.WireFormat;

/**
 * A caller method and the backend method it is routed to, with everything needed to compile their
 * binding.
 *
 * @param backendFormat the wire format the backend client speaks
 */
public record MethodPair(
    Schema schema,
    ServiceDef callerService,
    MethodDef callerMethod,
    ServiceDef backendService,
    MethodDef backendMethod,
    WireFormat backendFormat) {

  /** Same service on both sides: calls pass through when the formats agree. */
  public boolean isPassThrough() {
    return callerService.qualifiedName().equals(backendService.qualifiedName());
  }
}
