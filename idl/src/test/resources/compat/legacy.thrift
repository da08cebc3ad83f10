// The caller side of the compatibility table: a Thrift service whose methods each meet one rule.
namespace java dev.polyglot.compat.legacy

enum Color {
  RED = 0
  GREEN = 1
  IN_STOCK_GREEN = 2
}

enum Status {
  ACTIVE = 1
  DISCONTINUED = 2
}

struct Item {
  1: required string sku
  2: optional string name
  3: Color color
  4: list<string> tags
}

struct Dims {
  1: double width_cm
  2: double height_cm
}

struct Parcel {
  1: string sku
  2: Dims dims
}

struct Point {
  1: i32 x
  2: i32 y
}

struct Account {
  1: required string id
  2: required string email
}

struct Node {
  1: string label
  2: list<Node> children
}

union Selector {
  1: string sku
  2: i64 id
}

exception NotFound {
  1: string message
} (grpc.code = "NOT_FOUND")

service Legacy {
  // Binds: field by id, i32 <-> int64, enum prefixes and UNSPECIFIED, exception by name.
  Item getItem(1: string sku, 2: i32 quantity) throws (1: NotFound notFound)
  // Binds: a nested container against a one-field wrapper message.
  map<string, list<i64>> stock()
  oneway void touch(1: string sku)
  // Binds: a struct result against a response message holding it in its only field.
  Point origin()
  // Binds: a recursive struct.
  Node tree()

  void removeItem(1: string sku)
  void putParcel(1: Parcel parcel)
  map<Point, i64> heatmap()
  map<Status, i64> countByStatus()
  void tagGroups(1: list<list<string>> groups)
  void enroll(1: Account account)
  i64 countItems()
  void ping()
  void setStatus(1: Status status)
  list<Item> watch()
  void select(1: Selector selector)
  void tag(1: set<string> tags)
}
