// The Thrift backend of feed.proto.
service Feed {
  void post(1: string text)
  i64 upload(1: binary data)
  oneway void notify(1: string text)
  oneway void forget(1: string text)
}
