package dev.polyglot.translate.status;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One exception a Thrift method declares ({@code throws (1: ItemNotFound notFound)}), with what the
 * error model needs of it, resolved once when the method is compiled.
 *
 * @param fieldId the id in the {@code throws} clause (the field of the method's result struct)
 * @param fieldName the name in the {@code throws} clause
 * @param typeName the exception's qualified name, {@code warehouse.ItemNotFound}
 * @param code from the exception's {@code grpc.code} annotation; {@link StatusCode#UNKNOWN} if none
 * @param httpStatus from the exception's {@code http.status} annotation, if any
 * @param messageField the exception's {@code message} field, else its first string field
 */
public record DeclaredException(
    int fieldId, String fieldName, String typeName, StatusCode code, OptionalInt httpStatus, Optional<MessageField> messageField) {

  /** The field a status message is read from and written to. */
  public record MessageField(int id, String name, String jsonName) {}

  /** {@code ItemNotFound} for {@code warehouse.ItemNotFound}. */
  public String simpleName() {
    return typeName.substring(typeName.lastIndexOf('.') + 1);
  }
}
