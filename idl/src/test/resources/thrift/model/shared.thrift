// Shared definitions, included by warehouse.thrift and everything.thrift.
namespace java dev.polyglot.shared
namespace * shared

const i32 MAX_ITEMS = 100
const string REGION = 'eu-west'

enum Status {
  ACTIVE,
  INACTIVE = 5,
  RETIRED
}

typedef string Sku

struct Money {
  1: required string currency = "EUR"
  2: i64 cents
}

exception NotFound {
  1: string message
  2: Sku sku
} (grpc.code = "NOT_FOUND", http.status = "404")

service BaseService {
  string ping()
  i64 version() (cache.ttl = "60s")
}
