// Shapes the interop IDL does not have: enum numbers that differ by name, a required field whose
// proto counterpart has presence, i32 <- int64, uuid <-> bytes, double <-> float, enum map keys.
enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 3
}

struct Probe {
  1: required string name
  2: required i32 count
  3: Color color
  4: optional uuid token
  5: set<i64> ids
  6: map<Color, string> names_by_color
  7: double ratio
}

exception Rejected {
  1: string reason
  2: i32 code
} (grpc.code = "PERMISSION_DENIED")

/** A recursive type: the binding's conversion graph has a cycle. */
struct Node {
  1: string name
  2: list<Node> children
}

/** No proto message of this name: it reaches a proto caller as its code and message only. */
exception Gone {
  1: string message
} (grpc.code = "NOT_FOUND")

service Shapes {
  Probe probe(1: Probe probe) throws (1: Rejected rejected, 2: Gone gone)
  Node tree(1: Node root)
}
