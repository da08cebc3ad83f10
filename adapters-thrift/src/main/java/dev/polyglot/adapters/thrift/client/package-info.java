/**
 * The Thrift backend client: pooled connections per endpoint, round-robin over endpoints, calls with
 * deadlines. Entry point: {@link dev.polyglot.adapters.thrift.client.ThriftBackendFactory}, registered
 * with {@code Gateway.Builder#backendFactory}.
 */
package dev.polyglot.adapters.thrift.client;
