/*
 * Every construct of the Thrift IDL that the loader understands.
 */
include "shared.thrift"
namespace java dev.polyglot.everything
namespace * everything

# typedef chains, annotated base and container types
typedef i64 (cpp.type = "int64_t") Timestamp (units = "ms")
typedef Timestamp When
typedef map<string, list<When>> Timeline
typedef shared.Sku Code

enum Color {
  RED,
  GREEN = 4 (label = "go"),
  BLUE;
  CYAN = 0x10
  MAGENTA
} (closed)

const i8 SMALL = -128
const byte LEGACY = 127
const i16 SHORT = 0x7fff
const i32 HEX = -0x1F
const i64 BIG = 9223372036854775807
const double PI = 3.14159
const double AVOGADRO = 6.022e23
const double WHOLE = 2
const string DOUBLE_QUOTED = "tab\tquote\" \u00e9"
const string SINGLE_QUOTED = 'it\'s'
const bool YES = true
const bool NO = 0
const binary BLOB = "raw"
const uuid ID = "123e4567-e89b-12d3-a456-426614174000"
const list<i32> PRIMES = [2, 3; 5 7]
const set<string> TAGS = ["a", "b"]
const map<string, Color> PALETTE = {"sky": Color.BLUE, "grass": everything.Color.GREEN, "hex": 16}
const map<i32, list<string>> NESTED = {1: ["x"], 2: []}
const Color FAVOURITE = Color.CYAN
const shared.Status STATUS = shared.Status.RETIRED
const i32 LIMIT = shared.MAX_ITEMS
const string WHERE = shared.REGION
const list<i32> ALIAS = PRIMES
const Point ORIGIN = {"x": 0, "y": 0.5, "label": WHERE}
const Shape UNIT_BOX = {"points": [ORIGIN, {"x": 1, "y": 1}], "color": Color.RED, "price": {"currency": "GBP", "cents": 99}}

struct Point {
  1: i32 x
  2: double y
  3: optional string label = "origin" (json.omit = "true")
}

struct Shape {
  1: list<Point> points,
  2: Color color = Color.GREEN;
  3: optional shared.Money price
  4: map<string, set<list<i8>>> deep
  5: required When created
  6: Timeline timeline
  7: Code code
  8: list<map<Color, binary>> (python.immutable = "") blobs
}

struct Legacy {
  string first
  i16 second
  10: bool third = 1
  uuid fourth
}

union Value {
  1: string text
  2: i64 number
  3: bool flag
  4: Point point
} (union.tag = "kind")

exception Invalid {
  1: string reason
  2: optional i32 code = 400
} (grpc.code = "INVALID_ARGUMENT")

service Base {
  void reset()
} (owner = "team-a")

service Middle extends Base {
  bool healthy()
}

service Everything extends Middle {
  Shape draw(1: list<Point> points, 2: Color color = Color.RED) throws (1: Invalid invalid, 2: shared.NotFound missing)
      (http.post = "/v1/shapes", http.body = "*")
  oneway void fire(1: string event)
  map<string, list<Value>> lookup(1: required set<string> keys) (http.get = "/v1/values")
  binary download(1: uuid id) (http.delete = "/v1/blobs/{id}", http.patch = "/v1/blobs/{id}:touch", http.body = "id")
  Timestamp now()
  void deprecated() (deprecated)
} (version = "2")
