struct Broken {
  1: strng name,
}
