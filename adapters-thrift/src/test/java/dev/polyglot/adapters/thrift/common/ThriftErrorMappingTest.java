package dev.polyglot.adapters.thrift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polyglot.translate.status.StatusCode;
import org.apache.thrift.TApplicationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status code ↔ TApplicationException tables, every entry. */
class ThriftErrorMappingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "OK, 6", "CANCELLED, 6", "UNKNOWN, 0", "INVALID_ARGUMENT, 7", "DEADLINE_EXCEEDED, 6", "NOT_FOUND, 6",
      "ALREADY_EXISTS, 6", "PERMISSION_DENIED, 6", "RESOURCE_EXHAUSTED, 6", "FAILED_PRECONDITION, 6", "ABORTED, 6",
      "OUT_OF_RANGE, 6", "UNIMPLEMENTED, 1", "INTERNAL, 6", "UNAVAILABLE, 6", "DATA_LOSS, 6", "UNAUTHENTICATED, 6"})
  void eachStatusCodeBecomesOneApplicationExceptionType(StatusCode code, int type) {
    assertEquals(type, ThriftErrorMapping.applicationExceptionType(code));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0, UNKNOWN", "1, UNIMPLEMENTED", "2, INTERNAL", "3, INTERNAL", "4, INTERNAL", "5, INTERNAL", "6, INTERNAL", "7, INTERNAL",
      "8, INTERNAL", "9, INTERNAL", "10, INTERNAL", "99, INTERNAL"})
  void eachApplicationExceptionTypeBecomesOneStatusCode(int type, StatusCode code) {
    assertEquals(code, ThriftErrorMapping.statusCode(type));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNKNOWN", "UNIMPLEMENTED", "INTERNAL"})
  void theCodesABackendCanProduceSurviveARoundTrip(StatusCode code) {
    assertEquals(code, ThriftErrorMapping.statusCode(ThriftErrorMapping.applicationExceptionType(code)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, UNKNOWN", "1, UNKNOWN_METHOD", "6, INTERNAL_ERROR", "7, PROTOCOL_ERROR"})
  void theNumbersAboveAreLibthriftsConstants(int number, String name) throws Exception {
    assertEquals(number, TApplicationException.class.getField(name).getInt(null));
  }
}
