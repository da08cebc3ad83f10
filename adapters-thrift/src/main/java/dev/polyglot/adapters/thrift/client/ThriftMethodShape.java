package dev.polyglot.adapters.thrift.client;

/**
 * What a call to one backend method needs to know, computed once by {@link ThriftBackendClient#bind}.
 *
 * @param wireName the message name, {@code Service:method} toward a multiplexed server
 * @param exceptionIds the {@code throws} field ids, parallel to {@code exceptionTypes} (qualified names)
 */
record ThriftMethodShape(String wireName, boolean oneway, boolean isVoid, short[] exceptionIds, String[] exceptionTypes) {

  /** Index of the declared exception with field id {@code id}, or -1. */
  int exceptionIndex(short id) {
    for (int i = 0; i < exceptionIds.length; i++) if (exceptionIds[i] == id) return i;
    return -1;
  }
}
