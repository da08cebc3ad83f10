package dev.polyglot.translate.status;

/**
 * What a Thrift caller receives for a failed call: one of the method's declared exceptions, or a
 * {@code TApplicationException} ({@link ApplicationError}).
 */
public sealed interface ThriftError permits ThriftError.Declared, ApplicationError {

  /**
   * A declared exception. {@code value} is the exception's value: either the gRPC detail as the
   * backend sent it ({@link dev.polyglot.translate.WireFormat#PROTOBUF}, typed as the proto message;
   * the binding re-encodes it as the Thrift exception) or, when it was chosen by status code, a
   * value built here in the requested Thrift format holding only the message field.
   */
  record Declared(DeclaredException exception, Status.Detail value) implements ThriftError {}
}
