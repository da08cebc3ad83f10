// The benchmark workload, Thrift side: a typical e-commerce order.
enum Status {
  NEW = 1,
  PAID = 2,
  SHIPPED = 3
}

struct Dims {
  1: double width_cm
  2: double height_cm
  3: i32 weight_g
}

struct LineItem {
  1: string sku
  2: i32 quantity
  3: double unit_price
  4: Dims dims
}

struct Customer {
  1: i64 id
  2: string name
  3: string email
}

struct Order {
  1: string id
  2: i64 created_ms
  3: Customer customer
  4: list<LineItem> items
  5: map<string, string> attributes
  6: list<string> tags
  7: double total
  8: Status status
  9: binary signature
  10: list<i64> related
}
