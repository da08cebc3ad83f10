include "shared.thrift"
include "units.thrift"
cpp_include "<unordered_map>"
namespace java dev.polyglot.warehouse
namespace py warehouse

typedef shared.Sku ItemSku
typedef list<ItemSku> SkuList

const i32 PAGE_SIZE = shared.MAX_ITEMS
const shared.Status DEFAULT_STATUS = shared.Status.INACTIVE
const units.Length DEFAULT_UNIT = units.Length.CM

struct Item {
  1: required ItemSku sku
  2: optional string name
  3: i32 quantity = PAGE_SIZE
  4: shared.Status status = shared.Status.ACTIVE
  5: optional shared.Money price = {"currency": "USD", "cents": 250}
  6: units.Length unit = DEFAULT_UNIT
}

service Warehouse extends shared.BaseService {
  Item getItem(1: ItemSku sku) throws (1: shared.NotFound notFound)
      (http.get = "/v1/items/{sku}", grpc.code = "NOT_FOUND")
  void putItem(1: Item item) (http.put = "/v1/items/{item.sku}", http.body = "item")
  oneway void touch(1: SkuList skus)
}
