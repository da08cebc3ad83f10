package dev.polyglot.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.polyglot.conformance.cases.ConformanceCase;
import dev.polyglot.conformance.reference.ThriftEncoding;
import dev.polyglot.conformance.reference.ThriftTransport;
import dev.polyglot.conformance.suite.ConformanceSuite;
import dev.polyglot.gateway.route.TranslatorFactory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformanceRunnerTest {

  private static ConformanceCase named(String group, String name) {
    return new ConformanceCase(name, group, "", "ping", JsonNodeFactory.instance.objectNode(), Optional.empty(), Optional.empty(),
        List.of(), OptionalLong.empty(), 1);
  }

  @ParameterizedTest(name = "{0} selects {1}/{2}: {3}")
  @CsvSource({
      "i64,               base types, i64 maximum, true",
      "I64,               base types, i64 maximum, true",
      "base types/i64*,   base types, i64 maximum, true",
      "base types/i64*,   structs,    i64 maximum, false",
      "*maximum,          base types, i64 maximum, true",
      "*/i8*,             base types, i64 maximum, false",
      "exceptions/*,      exceptions, getItem not found, true",
      "getItem,           structs,    getItem, true"})
  void onlyPatternsMatchNamesAndGroupSlashNames(String pattern, String group, String name, boolean selected) throws Exception {
    try (TargetSession session = closedPortSession()) {
      assertEquals(selected, ConformanceRunner.of(session, Duration.ofSeconds(1), Optional.of(pattern)).selects(named(group, name)));
    }
  }

  @Test
  void anUnreachableTargetFailsEachCaseWithUnavailable() throws Exception {
    try (TargetSession session = closedPortSession()) {
      ConformanceCase ping = named("base types", "ping");
      CaseResult r = ConformanceRunner.of(session, Duration.ofSeconds(2), Optional.empty()).runOne(ping);
      assertEquals("FAIL base types/ping: expected a result, received error unavailable: thrift://127.0.0.1:" + session.target().port()
          + ": java.net.ConnectException: Connection refused", r.line());
    }
  }

  private static TargetSession closedPortSession() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CallerView view = CallerView.of(ConformanceSuite.loadIdl(List.of()), "interop.Interop");
    return TargetSession.open(Target.parse("thrift://127.0.0.1:" + port), view, Optional.empty(), ThriftTransport.FRAMED,
        ThriftEncoding.BINARY, TranslatorFactory.passThroughOnly());
  }
}
