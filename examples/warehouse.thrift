// The warehouse service as a legacy Thrift team wrote it. Used by `./polyglot demo` and the README.
namespace java com.acme.warehouse.thrift

typedef string Sku

enum Status {
  ACTIVE = 1,
  DISCONTINUED = 2,
  BACKORDERED = 5
}

struct Dimensions {
  1: i32 width_cm,
  2: i32 height_cm,
  3: optional i32 depth_cm
}

struct Item {
  1: required Sku sku,
  2: string name,
  3: i64 price_cents,
  4: Status status = Status.ACTIVE,
  5: optional Dimensions dims,
  6: list<string> tags,
  7: map<string, i64> stock_by_site
}

exception ItemNotFound {
  1: string message,
  2: Sku sku
} (grpc.code = "NOT_FOUND", http.status = "404")

exception InvalidItem {
  1: string message,
  2: string field
} (grpc.code = "INVALID_ARGUMENT")

service Warehouse {
  Item getItem(1: Sku sku) throws (1: ItemNotFound notFound) (http.get = "/v1/items/{sku}", cache.ttl = "30s")
  Item putItem(1: Item item) throws (1: InvalidItem invalid) (http.put = "/v1/items/{item.sku}", http.body = "item")
  list<Item> listItems(1: Status status, 2: i32 limit) (http.get = "/v1/items")
  i64 countItems()
  void deleteItem(1: Sku sku) throws (1: ItemNotFound notFound) (http.delete = "/v1/items/{sku}")
  oneway void touch(1: Sku sku)
}
