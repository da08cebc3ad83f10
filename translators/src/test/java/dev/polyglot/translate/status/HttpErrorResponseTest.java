package dev.polyglot.translate.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorResponseTest {

  @ParameterizedTest(name = "{0} is HTTP {1}")
  @CsvSource({
    "OK, 200",
    "CANCELLED, 499",
    "UNKNOWN, 500",
    "INVALID_ARGUMENT, 400",
    "DEADLINE_EXCEEDED, 504",
    "NOT_FOUND, 404",
    "ALREADY_EXISTS, 409",
    "PERMISSION_DENIED, 403",
    "RESOURCE_EXHAUSTED, 429",
    "FAILED_PRECONDITION, 400",
    "ABORTED, 409",
    "OUT_OF_RANGE, 400",
    "UNIMPLEMENTED, 501",
    "INTERNAL, 500",
    "UNAVAILABLE, 503",
    "DATA_LOSS, 500",
    "UNAUTHENTICATED, 401",
  })
  void everyStatusCodeMapsToItsHttpStatus(StatusCode code, int expected) {
    assertEquals(expected, HttpErrorResponse.httpStatus(code));
    assertEquals(expected, HttpErrorResponse.of(Status.of(code, "x")).status());
  }

  @Test
  void theTableCoversAllSeventeenCodes() {
    assertEquals(17, StatusCode.values().length);
  }

  @Test
  void aStatusWithoutDetailHasAnEmptyDetailsArray() {
    HttpErrorResponse r = HttpErrorResponse.of(Status.of(StatusCode.UNAVAILABLE, "backend \"legacy\" is down"));
    assertEquals(503, r.status());
    assertEquals("{\"code\":\"unavailable\",\"message\":\"backend \\\"legacy\\\" is down\",\"details\":[]}", r.bodyText());
  }

  @Test
  void aDetailBecomesTypeAndDebug() {
    Status s = Status.of(StatusCode.NOT_FOUND, "no item 42",
        Status.Detail.of("warehouse.ItemNotFound", dev.polyglot.translate.WireFormat.THRIFT_BINARY, new byte[] {0}));
    HttpErrorResponse r = HttpErrorResponse.of(s, 410, Optional.of("{\"sku\":\"42\",\"message\":\"no item 42\"}"));
    assertEquals(410, r.status());
    assertEquals("{\"code\":\"not_found\",\"message\":\"no item 42\",\"details\":[{\"type\":\"warehouse.ItemNotFound\","
        + "\"debug\":{\"sku\":\"42\",\"message\":\"no item 42\"}}]}", r.bodyText());
  }

  @Test
  void aDetailWithoutRenderedJsonKeepsItsTypeOnly() {
    Status s = Status.of(StatusCode.ABORTED, "retry",
        Status.Detail.of("acme.v1.Conflict", dev.polyglot.translate.WireFormat.PROTOBUF, new byte[0]));
    assertEquals("{\"code\":\"aborted\",\"message\":\"retry\",\"details\":[{\"type\":\"acme.v1.Conflict\"}]}",
        HttpErrorResponse.of(s, 409, Optional.empty()).bodyText());
  }

  @Test
  void anUnknownMethodIs404NotUnimplemented501() {
    HttpErrorResponse r = HttpErrorResponse.unknownMethod("warehouse.Warehouse", "getItm");
    assertEquals(404, r.status());
    assertEquals("{\"code\":\"unimplemented\",\"message\":\"unknown method getItm of service warehouse.Warehouse\",\"details\":[]}",
        r.bodyText());
  }
}
