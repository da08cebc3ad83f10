namespace java zoo

enum Color {
  RED = 1,
  GREEN = 2,
  BLUE = 3,
}

struct Dims {
  1: i32 width_cm,
  2: i32 height_cm,
}

union Choice {
  1: string sku,
  2: i64 id,
  3: Dims dims,
}

struct Scalars {
  1: bool a_bool,
  2: i8 an_i8,
  3: i16 an_i16,
  4: i32 an_i32,
  5: i64 an_i64,
  6: double a_double,
  7: string a_string,
  8: binary some_bytes,
  9: Color color,
  10: optional string maybe_note,
  11: optional i32 maybe_count,
  12: uuid an_id,
}

struct Containers {
  1: list<i64> skus,
  2: set<string> tags,
  3: map<string, i32> by_name,
  4: map<i64, string> by_id,
  5: map<Color, list<Dims>> by_color,
  6: list<list<i32>> grid,
  7: map<Dims, string> by_dims,
  8: set<Color> colors,
  9: map<double, bool> by_ratio,
  10: optional Choice choice,
}

struct Order {
  1: required string sku,
  2: i32 qty,
  3: optional Dims dims,
}

struct Tree {
  1: string name,
  2: list<Tree> children,
}
