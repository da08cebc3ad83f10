// Shared types, included by inventory.thrift.
namespace java dev.polyglot.common

typedef string Sku

enum Currency {
  EUR = 0
  USD = 1
  GBP = 2
}

struct Money {
  1: Currency currency
  2: i64 cents
}

exception NotFound {
  1: string message
  2: Sku sku
} (grpc.code = "NOT_FOUND", http.status = "404")
