/*
 * A realistic legacy service: every construct the conversion must carry to proto.
 */
include "common.thrift"
namespace java dev.polyglot.inventory
namespace py inventory

typedef common.Sku ItemSku
typedef list<ItemSku> SkuList
typedef map<string, list<i64>> StockByWarehouse

const i32 PAGE_SIZE = 50
const string REGION = "eu-west"
const list<string> DEFAULT_TAGS = ["new", "sale"]

// Zero is a real value here: conversion renumbers it, values correspond by name.
enum Status {
  DRAFT = 0
  ACTIVE = 1
  RETIRED = 5
}

enum Unit {
  MM = 1,
  CM = 2,
  INCH = 3
}

struct Dimensions {
  1: double widthCm
  2: double heightCm
  3: optional Unit unit = Unit.CM
}

struct Item {
  1: required ItemSku sku
  2: optional string name
  3: i32 quantity = PAGE_SIZE
  4: Status status = Status.ACTIVE
  5: optional common.Money price
  6: Dimensions dims
  7: set<string> tags
  8: map<string, i32> stockByWarehouse
  9: list<list<i32>> grid
  10: uuid id
  11: binary thumbnail
  12: i8 flags
  13: i16 shelf
  14: optional bool fragile (note = "kept as a comment")
  15: map<Unit, i32> countsByUnit
}

union Selector {
  1: ItemSku sku
  2: uuid id
  3: list<string> tags
}

struct Page {
  1: list<Item> items
  2: optional string nextToken
}

exception InvalidArgument {
  1: string message
  2: string field
} (grpc.code = "INVALID_ARGUMENT")

exception Unavailable {
  1: string reason
}

service Base {
  bool healthy()
}

service Inventory extends Base {
  Item getItem(1: ItemSku sku) throws (1: common.NotFound notFound) (http.get = "/v1/items/{sku}")
  void putItem(1: Item item) throws (1: InvalidArgument invalid)
  oneway void touch(1: SkuList skus)
  Page find(1: Selector selector, 2: i32 pageSize = PAGE_SIZE, 3: optional string pageToken)
      (http.post = "/v1/items:find", http.body = "selector", http.get = "/v1/items")
  i64 count()
  list<Item> listItems(1: Status status)
  StockByWarehouse stock(1: SkuList skus) throws (1: Unavailable unavailable)
  map<string, map<string, i32>> matrix()
  Status statusOf(1: ItemSku sku)
  set<ItemSku> skus()
  common.Money totalValue(1: common.Currency currency)
  void reset()
}
