package dev.polyglot.conformance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What a user sees when a gateway stops: no warnings with stack traces from the libraries it runs on. */
class GatewayShutdownTest {

  @Test
  void stoppingAGatewayLogsNoHealthServiceWarning() throws Exception {
    Logger healthLog = Logger.getLogger("io.grpc.protobuf.services.HealthServiceImpl");
    List<String> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r.getLevel() + " " + r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    healthLog.addHandler(capture);
    try {
      E2eGateway gateway = E2eGateway.start("");
      gateway.close();
    } finally {
      healthLog.removeHandler(capture);
    }
    assertEquals(List.of(), records);
  }
}
