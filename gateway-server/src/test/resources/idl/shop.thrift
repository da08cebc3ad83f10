namespace java dev.polyglot.shop

enum Size {
  SMALL = 1
  LARGE = 2
}

struct Item {
  1: required string sku
  2: i32 count
  3: Size size
}

exception NotFound {
  1: string message
} (grpc.code = "NOT_FOUND")

service Shop {
  Item getItem(1: string sku) throws (1: NotFound notFound)
  void ping()
}
