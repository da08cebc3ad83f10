package dev.polyglot.idl.compat;

import dev.polyglot.idl.FieldDef;
import dev.polyglot.idl.StructDef;

/**
 * A declared Thrift exception and its counterpart. On a Thrift side the exception is a field of the
 * {@code throws} clause; on a proto side it is the message of the same simple name, which travels as
 * a {@code google.rpc.Status} detail — it is optional: without it, the error still crosses as a
 * status code and message.
 *
 * @param callerField the caller's {@code throws} field, or null (a proto caller, or not declared)
 * @param callerType the caller's exception struct or same-named message, or null
 * @param backendField the backend's {@code throws} field, or null
 * @param backendType the backend's exception struct or same-named message, or null
 * @param fields the field correspondence when both types exist, else null
 * @param grpcCode the Thrift exception's {@code grpc.code} annotation, else {@code UNKNOWN}
 * @param messageField the Thrift exception's field that becomes the status message: the field named
 *     {@code message}, else its first string field; null when it has none
 */
public record ExceptionCorrespondence(
    FieldDef callerField,
    StructDef callerType,
    FieldDef backendField,
    StructDef backendType,
    StructCorrespondence fields,
    String grpcCode,
    FieldDef messageField) {}
