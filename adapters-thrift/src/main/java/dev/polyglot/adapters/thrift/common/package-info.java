/**
 * What the Thrift listener and backend client share: the protocol kinds and their wire formats, the
 * one mapping between status codes and {@code TApplicationException} types, and the recording stream
 * transport that finds where an unframed struct ends.
 */
package dev.polyglot.adapters.thrift.common;
