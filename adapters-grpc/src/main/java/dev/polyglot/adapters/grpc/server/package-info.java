/**
 * The inbound gRPC edge: {@link dev.polyglot.adapters.grpc.server.GrpcListener} serves every routed
 * proto service without generated stubs (a fallback handler registry over the route snapshot, raw
 * {@code byte[]} messages), plus server reflection and health. The wire layer here only moves bytes,
 * deadlines and metadata; routing, translation and caching happen in gateway-core's pipeline.
 */
package dev.polyglot.adapters.grpc.server;
