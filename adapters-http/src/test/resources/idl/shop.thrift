// The Thrift service the HTTP listener tests call: every kind of resource route and error.
namespace java dev.polyglot.test.shop

enum Status {
  ACTIVE = 1,
  DISCONTINUED = 2
}

struct Dimensions {
  1: i32 width_cm,
  2: i32 height_cm
}

struct Item {
  1: required string sku,
  2: string name,
  3: i64 price_cents,
  4: Status status,
  5: optional Dimensions dims,
  6: list<string> tags
}

exception ItemNotFound {
  1: string message,
  2: string sku
} (grpc.code = "NOT_FOUND")

exception ItemRetired {
  1: string message,
  2: i32 retired_year
} (grpc.code = "FAILED_PRECONDITION", http.status = "410")

service Shop {
  Item getItem(1: string sku) throws (1: ItemNotFound notFound, 2: ItemRetired retired) (http.get = "/v1/items/{sku}")
  Item putItem(1: Item item) (http.put = "/v1/items/{item.sku}", http.body = "item")
  list<Item> listItems(1: Status status, 2: i32 limit, 3: list<string> tags, 4: Dimensions dims, 5: bool in_stock,
      6: double max_weight_kg, 7: i64 min_price_cents) (http.get = "/v1/items")
  Item createItem(1: Item item) (http.post = "/v1/items", http.body = "item")
  i64 countItems()
  string readFile(1: string path) (http.get = "/v1/files/{path=**}")
  void deleteItem(1: string sku) throws (1: ItemNotFound notFound) (http.delete = "/v1/items/{sku}")
  oneway void touch(1: string sku)
  // Not servable as a resource (a struct cannot come from one path segment): the rule is skipped, the RPC stays.
  i32 volume(1: Dimensions dims) (http.get = "/v1/volume/{dims}")
}
