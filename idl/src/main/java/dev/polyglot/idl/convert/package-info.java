/**
 * Conversion between the IDLs: {@link dev.polyglot.idl.convert.ThriftToProto} writes a proto3 file
 * a team can start a gRPC service from, {@link dev.polyglot.idl.convert.ProtoToThrift} writes
 * Thrift IDL. Both follow the rules of {@link dev.polyglot.idl.compat.Compatibility}, so that the
 * converted service binds back to its source with no problems; the classes' notes list the choices
 * made where the mapping leaves room.
 */
package dev.polyglot.idl.convert;
