# Found on the include path, not next to warehouse.thrift.
enum Length {
  MM = 1,
  CM = 10,
  M = 1000,
}
