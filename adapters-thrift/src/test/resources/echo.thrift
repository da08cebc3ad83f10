/*
 * The adapters-thrift test service. Behaviour of the test backend (EchoBackend):
 *   echo/echoBinary return their argument; lookup("missing") raises NotFound, lookup("bad") raises
 *   Rejected (declared at id 4, leaving a gap), any other key returns "value of <key>"; fail raises an
 *   undeclared TApplicationException(INTERNAL_ERROR, message); log records the event and answers
 *   nothing; logged lists recorded events; sleep waits; retired is not implemented by the backend.
 */
namespace java dev.polyglot.adapters.thrift.test

exception NotFound {
  1: string message
  2: string key
} (grpc.code = "NOT_FOUND")

/** No grpc.code: UNKNOWN. */
exception Rejected {
  1: string message
  2: i32 code
}

service Echo {
  void ping()
  string echo(1: string text)
  binary echoBinary(1: binary data)
  string lookup(1: string key) throws (1: NotFound not_found, 4: Rejected rejected)
  void fail(1: string message)
  oneway void log(1: string event)
  list<string> logged()
  void sleep(1: i32 millis)
  void retired()
}
