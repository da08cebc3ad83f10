package dev.polyglot.adapters.thrift.client;

import dev.polyglot.translate.status.StatusCode;

/**
 * What a call to one backend method needs to know, computed once by {@link ThriftBackendClient#bind}.
 *
 * @param wireName the message name, {@code Service:method} toward a multiplexed server
 * @param exceptionIds the {@code throws} field ids; the arrays after it are parallel to it
 * @param exceptionTypes qualified exception type names
 * @param exceptionCodes the status code of each exception ({@code grpc.code}, default UNKNOWN)
 * @param messageFieldIds the id of each exception's message field, -1 when it has no string field
 */
record ThriftMethodShape(String wireName, boolean oneway, boolean isVoid, short[] exceptionIds, String[] exceptionTypes,
    StatusCode[] exceptionCodes, short[] messageFieldIds) {

  /** Index of the declared exception with field id {@code id}, or -1. */
  int exceptionIndex(short id) {
    for (int i = 0; i < exceptionIds.length; i++) if (exceptionIds[i] == id) return i;
    return -1;
  }
}
