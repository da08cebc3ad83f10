// Converted from src/test/resources/idl/shop.proto by polyglot idl convert.
namespace * acme.shop.v1

enum Size {
  UNSPECIFIED = 0
  SMALL = 1
  LARGE = 2
  HUGE = 3
}

struct Item {
  1: string sku
  2: i64 count
  3: Size size
}

struct GetItemRequest {
  1: string sku
}

struct NotFound {
  1: string message
}

service ShopService {
  Item getItem(1: string sku)
  void ping()
}
