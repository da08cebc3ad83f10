/**
 * What both directions share: raw-bytes marshalling, the one mapping between the gateway's error model
 * and gRPC statuses (with {@code google.rpc.Status} details), and call metadata between gRPC headers
 * and the neutral form.
 */
package dev.polyglot.adapters.grpc.common;
