/*
 * The adapters-thrift test service. Behaviour of the test backend (EchoBackend):
 *   echo/echoBinary return their argument; lookup("missing") raises NotFound, lookup("bad") raises
 *   Rejected (declared at id 4, leaving a gap), any other key returns "value of <key>"; fail raises an
 *   undeclared TApplicationException(INTERNAL_ERROR, message); log records the event and answers
 *   nothing; logged lists recorded events; sleep waits; retired is not implemented by the backend;
 *   echoEverything returns its argument, copied value by value.
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

enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 8
}

struct Inner {
  1: i32 a
  2: optional string b
}

union Choice {
  1: string text
  2: i64 number
}

/** Every Thrift type, to show that the gateway passes any value through byte for byte. */
struct Everything {
  1: bool yes
  2: bool no
  3: i8 tiny
  4: i16 small
  5: i32 medium
  6: i64 large
  7: double real
  8: string text
  9: binary blob
  10: uuid id
  11: Color color
  12: Inner inner
  13: optional Inner absent
  14: list<i32> ints
  15: set<string> names
  16: map<string, i64> counts
  17: list<list<bool>> flags
  18: map<i32, Inner> by_id
  19: Choice choice
  20: list<binary> blobs
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
  Everything echoEverything(1: Everything value)
}
