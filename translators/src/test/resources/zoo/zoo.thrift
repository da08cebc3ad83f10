// The translators' type zoo, Thrift side: every base type, presence case, nesting shape and union.
namespace java dev.polyglot.zoo

enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 3
}

struct Dims {
  1: required double width_cm
  2: optional double height_cm
}

union Choice {
  1: string text
  2: i64 number
  3: Dims dims
}

struct Node {
  1: optional Node child
  2: optional i32 value
}

/** Everything that also has a protobuf encoding (no nested containers). */
struct Everything {
  1: bool a_bool
  2: i8 a_byte
  3: i16 a_i16
  4: i32 a_i32
  5: i64 a_i64
  6: double a_double
  7: string a_string
  8: binary a_binary
  9: uuid a_uuid
  10: Color color
  11: optional Dims dims
  12: optional Choice choice
  13: list<i64> longs
  14: set<string> tags
  15: map<i32, string> names
  16: list<Dims> all_dims
  17: optional string maybe
  18: required string sku
  19: map<Color, double> weights
  20: set<i64> ids
  21: list<bool> flags
}

/** Containers inside containers: Thrift only. */
struct Nested {
  1: list<list<i64>> matrix
  2: map<string, list<i32>> index
  3: set<string> tags
  4: list<set<string>> groups
  5: map<string, map<string, i64>> deep
}

/** Narrow fields, for range checks when a wider source feeds them. */
struct Narrow {
  1: i8 tiny
  2: i16 small
  3: i32 medium
}

struct Wide {
  1: i64 tiny
  2: i64 small
  3: i64 medium
}
