/**
 * The Thrift listener: decodes callers' Thrift messages (framed or unframed, binary or compact,
 * detected per connection), hands the raw arguments struct to the gateway core and encodes the reply.
 * Entry point: {@link dev.polyglot.adapters.thrift.server.ThriftListener#of}.
 */
package dev.polyglot.adapters.thrift.server;
