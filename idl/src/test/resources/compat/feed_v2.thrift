// A newer Thrift backend of feed.thrift.
exception Throttled {
  1: i32 retryAfterSeconds
  2: string reason
} (grpc.code = "RESOURCE_EXHAUSTED")

service FeedV2 {
  void post(1: string body) throws (1: Throttled throttled)
  i64 upload(1: string data)
  oneway void notify(1: string text)
  i64 forget(1: string text)
}
