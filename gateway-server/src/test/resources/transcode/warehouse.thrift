enum Color {
  RED = 1,
  GREEN = 2,
}

struct Item {
  1: required string sku,
  2: i64 qty,
  3: optional Color color,
  4: list<string> tags,
}
