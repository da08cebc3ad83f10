exception ItemNotFound {
  1: string sku,
  2: string message,
} (grpc.code = "NOT_FOUND", http.status = "410")

exception OutOfStock {
  1: i32 available,
  2: string reason,
} (grpc.code = "FAILED_PRECONDITION")

service Warehouse {
  string getItem(1: string sku) throws (1: ItemNotFound notFound, 2: OutOfStock outOfStock)
}
