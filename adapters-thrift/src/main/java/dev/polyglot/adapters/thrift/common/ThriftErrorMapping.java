package dev.polyglot.adapters.thrift.common;

import dev.polyglot.translate.status.StatusCode;
import org.apache.thrift.TApplicationException;

/**
 * The one mapping between the gateway's status codes and {@link TApplicationException} types, both
 * ways. Declared exceptions do not pass through here: they travel as a status detail and are encoded
 * as the method's result struct.
 *
 * <table>
 *   <caption>Status code → TApplicationException type (toward a Thrift caller)</caption>
 *   <tr><td>UNIMPLEMENTED</td><td>UNKNOWN_METHOD</td></tr>
 *   <tr><td>INVALID_ARGUMENT</td><td>PROTOCOL_ERROR (the request could not be decoded or translated)</td></tr>
 *   <tr><td>UNKNOWN</td><td>UNKNOWN</td></tr>
 *   <tr><td>every other failure code</td><td>INTERNAL_ERROR (DESIGN.md: "else TApplicationException
 *       (INTERNAL_ERROR) with the status text")</td></tr>
 * </table>
 *
 * <table>
 *   <caption>TApplicationException type → status code (from a Thrift backend)</caption>
 *   <tr><td>UNKNOWN_METHOD</td><td>UNIMPLEMENTED</td></tr>
 *   <tr><td>UNKNOWN</td><td>UNKNOWN</td></tr>
 *   <tr><td>INTERNAL_ERROR and every other type</td><td>INTERNAL</td></tr>
 * </table>
 *
 * So an undeclared failure crosses a Thrift→Thrift pass-through route with its type and message intact.
 */
public final class ThriftErrorMapping {
  private ThriftErrorMapping() {}

  /** The {@link TApplicationException} type a Thrift caller receives for a failure with {@code code}. */
  public static int applicationExceptionType(StatusCode code) {
    // No default branch: a new status code must be placed here deliberately.
    return switch (code) {
      case UNIMPLEMENTED -> TApplicationException.UNKNOWN_METHOD;
      case INVALID_ARGUMENT -> TApplicationException.PROTOCOL_ERROR;
      case UNKNOWN -> TApplicationException.UNKNOWN;
      case OK, CANCELLED, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, RESOURCE_EXHAUSTED,
          FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, INTERNAL, UNAVAILABLE, DATA_LOSS, UNAUTHENTICATED ->
          TApplicationException.INTERNAL_ERROR;
    };
  }

  /** The status code for a {@link TApplicationException} a Thrift backend answered with. */
  public static StatusCode statusCode(int applicationExceptionType) {
    if (applicationExceptionType == TApplicationException.UNKNOWN_METHOD) return StatusCode.UNIMPLEMENTED;
    if (applicationExceptionType == TApplicationException.UNKNOWN) return StatusCode.UNKNOWN;
    return StatusCode.INTERNAL;
  }
}
