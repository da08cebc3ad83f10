struct Order {
  1: Missing item
}
