/*
 * The Polyglot Gateway interop service: the project's own test IDL, bound one-to-one to
 * polyglot/interop/v1/interop.proto by the default mapping rules of DESIGN.md (no annotations other
 * than grpc.code and http.*). Both reference backends implement the behaviour documented on each
 * method; the conformance cases rely on it.
 *
 * Shapes exercised on purpose: every base type, typedefs (of scalars and of nested containers), an
 * enum with gaps, structs whose field ids skip numbers, nesting, a union, list/set/map and nested
 * containers, optional/required/default requiredness and explicit defaults, void, oneway, no-argument
 * methods, non-struct results, one and several declared exceptions, undeclared failures, large payloads
 * and resource-style HTTP routes.
 */

namespace java dev.polyglot.interop.thrift

typedef i64 UserId
typedef string Sku
typedef binary Blob
typedef list<list<i32>> Matrix
typedef map<string, list<i64>> Groups

/** Values 1, 2, 8, 20: the gaps make "by name, not by position" mistakes visible. */
enum MemberTier {
  BRONZE = 1,
  SILVER = 2,
  GOLD = 8,
  PLATINUM = 20
}

/** One field of every base type; ids skip numbers so that position-based mapping fails loudly. */
struct AllTypes {
  1: bool bool_field
  2: i8 byte_field
  3: i16 i16_field
  4: i32 i32_field
  6: i64 i64_field
  8: double double_field
  10: string string_field
  11: binary binary_field
  13: uuid uuid_field
  15: MemberTier tier
  16: UserId user_id
}

struct Dimensions {
  1: required i32 width_cm
  2: required i32 height_cm
  5: optional i32 depth_cm
}

/** Requiredness of every kind, explicit defaults and nested structs. */
struct Item {
  1: required Sku sku
  2: optional string description
  3: i32 quantity = 1
  4: Dimensions dims
  7: optional Dimensions packaging
  9: list<string> tags
  11: optional MemberTier tier
  12: string origin = "warehouse"
}

union Payload {
  1: string text
  2: i64 number
  3: binary data
  5: Item item
}

struct Containers {
  1: list<i32> ints
  2: set<string> names
  3: map<string, i64> counts
  4: Matrix matrix
  5: Groups groups
  6: map<i32, string> labels
  7: list<Item> items
  8: set<MemberTier> tiers
  9: map<string, Dimensions> sizes
  10: list<binary> blobs
}

exception ItemNotFound {
  1: string message
  2: Sku sku
} (grpc.code = "NOT_FOUND", http.status = "404")

exception OutOfStock {
  1: string message
  2: Sku sku
  3: i32 available
  4: i32 requested
} (grpc.code = "FAILED_PRECONDITION")

/** No grpc.code annotation: maps to the default code, UNKNOWN. */
exception InvalidRequest {
  1: string message
  2: string field
}

service Interop {
  /** No arguments, no result. */
  void ping()

  bool echoBool(1: bool value)
  i8 echoByte(1: i8 value)
  i16 echoI16(1: i16 value)
  i32 echoI32(1: i32 value)
  i64 echoI64(1: UserId value)
  double echoDouble(1: double value)
  string echoString(1: string value) (http.get = "/v1/echo/{value}")
  /** Large payloads: 1 MiB and more round-trip unchanged. */
  Blob echoBinary(1: Blob value)
  uuid echoUuid(1: uuid value)
  MemberTier echoEnum(1: MemberTier value)

  AllTypes echoAllTypes(1: AllTypes value)
  /** Returns the item as received, with unset default-requiredness fields at their defaults. */
  Item echoItem(1: Item item) (http.post = "/v1/items", http.body = "item")
  Payload echoUnion(1: Payload payload)
  Containers echoContainers(1: Containers value)

  list<string> echoStringList(1: list<string> values)
  set<string> echoStringSet(1: set<string> values)
  map<i32, string> echoMap(1: map<i32, string> value)
  Matrix echoMatrix(1: Matrix matrix)
  Groups echoGroups(1: Groups groups)

  /** left + right; arguments with ids 1 and 3, both from the query string over HTTP. */
  i64 add(1: i32 left, 3: i64 right) (http.get = "/v1/add")

  /**
   * One declared exception. sku "missing" raises ItemNotFound{message: "no item with sku missing",
   * sku: "missing"}; any other sku returns Item{sku, quantity: 7, dims: {width_cm: 10, height_cm: 20},
   * tags: ["stock"], origin: "warehouse"}.
   */
  Item getItem(1: Sku sku) throws (1: ItemNotFound not_found) (http.get = "/v1/items/{sku}")

  /**
   * Several declared exceptions, with gaps in their ids. Stock is 100 for every sku:
   * sku "missing" raises ItemNotFound; quantity < 1 raises InvalidRequest{field: "quantity"};
   * quantity > 100 raises OutOfStock{available: 100, requested: quantity}; otherwise returns the
   * stock left, 100 - quantity.
   */
  i32 reserve(1: Sku sku, 3: i32 quantity)
      throws (1: ItemNotFound not_found, 2: OutOfStock out_of_stock, 5: InvalidRequest invalid)

  /** Always fails with an undeclared error whose message is `message`. */
  void failUndeclared(1: string message)

  /** Records `event` and returns at once; nothing is replied to a Thrift caller. */
  oneway void logEvent(1: string event)

  /** Every event recorded by logEvent, oldest first: how a test sees that a oneway call arrived. */
  list<string> loggedEvents()

  /** Sleeps `millis` milliseconds, then returns: for deadline and timeout tests. */
  void delay(1: i32 millis)
}
