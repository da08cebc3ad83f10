/**
 * The outbound gRPC edge: {@link dev.polyglot.adapters.grpc.client.GrpcBackendClient}, one channel per
 * configured backend balanced round-robin over its fixed endpoints, created by
 * {@link dev.polyglot.adapters.grpc.client.GrpcBackendFactory}.
 */
package dev.polyglot.adapters.grpc.client;
