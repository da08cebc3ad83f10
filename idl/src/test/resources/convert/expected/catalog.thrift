// Converted from src/test/resources/convert/catalog.proto by polyglot idl convert.
namespace * acme.catalog.v1

enum Product_Kind {
  UNSPECIFIED = 0
  PHYSICAL = 1
  DIGITAL = 2
}

enum Availability {
  UNSPECIFIED = 0
  IN_STOCK = 1
  BACKORDER = 2
}

struct Product_Dimensions {
  1: double width_cm
  2: double height_cm
}

struct Timestamp {
  1: i64 seconds
  2: i32 nanos
}

struct Product {
  1: string sku
  2: string title
  3: i64 price_cents
  4: list<string> tags
  5: map<string, i32> stock_by_warehouse
  6: optional Product_Dimensions dims
  7: Product_Kind kind
  8: Availability availability
  9: optional i32 rating
  10: optional string supplier_id // oneof source
  11: optional string marketplace_id // oneof source
  12: optional Timestamp updated_at
  13: optional string note
  14: i64 views
  15: i64 delta
  16: i64 checksum
  17: binary thumbnail
  18: bool active
  19: list<Product_Dimensions> variants
  20: map<i64, Product_Kind> kinds_by_id
}

union Filter {
  1: string sku_prefix
  2: Availability availability
  3: i64 min_price_cents
}

struct GetProductRequest {
  1: string sku
}

struct Duration {
  1: i64 seconds
  2: i32 nanos
}

struct ListProductsRequest {
  1: optional Filter filter
  2: i32 page_size
  3: string page_token
  4: optional Duration max_age
}

struct ListProductsResponse {
  1: list<Product> products
  2: string next_page_token
}

struct DeleteProductRequest {
  1: string sku
  2: bool force
}

struct CountResponse {
  1: i64 count
}

struct PriceUpdate {
  1: string sku
  2: i64 price_cents
}

service Catalog {
  Product getProduct(1: string sku) (http.get = "/v1/products/{sku}")
  ListProductsResponse listProducts(1: Filter filter, 2: i32 page_size, 3: string page_token, 4: Duration max_age)
  void putProduct(1: string sku, 2: string title, 3: i64 price_cents, 4: list<string> tags, 5: map<string, i32> stock_by_warehouse, 6: Product_Dimensions dims, 7: Product_Kind kind, 8: Availability availability, 9: i32 rating, 10: string supplier_id, 11: string marketplace_id, 12: Timestamp updated_at, 13: string note, 14: i64 views, 15: i64 delta, 16: i64 checksum, 17: binary thumbnail, 18: bool active, 19: list<Product_Dimensions> variants, 20: map<i64, Product_Kind> kinds_by_id) (http.put = "/v1/products/{sku}")
  void deleteProduct(1: string sku, 2: bool force)
  CountResponse count()
  // WatchPrices: a server-streaming rpc has no Thrift counterpart
  // UploadPrices: a client-streaming rpc has no Thrift counterpart
}
