// A newer Thrift backend of feed.thrift.
exception Throttled {
  1: string message
} (grpc.code = "RESOURCE_EXHAUSTED")

service FeedV2 {
  void post(1: string body) throws (1: Throttled throttled)
  i64 upload(1: string data)
  oneway void notify(1: string text)
  i64 forget(1: string text)
}
