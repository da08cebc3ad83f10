package dev.polyglot.bench.load;

import java.util.Arrays;

/**
 * Everything measured for one scenario and payload. Latencies in nanoseconds, rates in calls/s.
 *
 * @param directRates closed-loop throughput of each direct round
 * @param gatewayRates closed-loop throughput of each through-gateway round, same order
 * @param backendProtocolOne 1 in flight, a client of the backend's protocol calling the backend
 *     directly (null when caller and backend speak the same protocol)
 * @param halfRate the open-loop rate: half the median direct throughput
 * @param gatewayHalfAchieved the rate the gateway leg really achieved at {@code halfRate}
 * @param cpuNanosPerCall the gateway JVM's CPU time over the gateway's throughput rounds, per call
 * @param allocatedBytesPerCall bytes allocated by the gateway's threads over those rounds, per call
 * @param gatewayUsed the gateway's counters over the throughput windows (CPU, allocation, cache)
 * @param harnessCpuDirectNanosPerCall the harness JVM's CPU time (load generator and backends) per call
 *     over the direct rounds' windows
 * @param harnessCpuGatewayNanosPerCall the same over the gateway rounds' windows (the gateway's own CPU
 *     is in {@code cpuNanosPerCall})
 * @param problem the first failure seen, or null
 */
record ScenarioResult(
    Scenario scenario,
    Payload payload,
    double[] directRates,
    double[] gatewayRates,
    LoadDriver.Result directOne,
    LoadDriver.Result gatewayOne,
    LoadDriver.Result backendProtocolOne,
    double halfRate,
    LoadDriver.Result directHalf,
    LoadDriver.Result gatewayHalf,
    double gatewayHalfAchieved,
    double cpuNanosPerCall,
    double allocatedBytesPerCall,
    GatewayNodeProcess.Stats gatewayUsed,
    double harnessCpuDirectNanosPerCall,
    double harnessCpuGatewayNanosPerCall,
    String problem) {

  /**
   * The ratio the gateway leg would reach if the gateway cost no CPU at all, when the machine's cores
   * are what limits both legs: direct CPU per call over the gateway leg's CPU per call outside the
   * gateway. A ceiling that no gateway can pass on this harness.
   */
  double zeroCostCeiling() {
    return harnessCpuGatewayNanosPerCall > 0 ? harnessCpuDirectNanosPerCall / harnessCpuGatewayNanosPerCall : Double.NaN;
  }

  double[] ratios() {
    double[] r = new double[directRates.length];
    for (int i = 0; i < r.length; i++) r[i] = gatewayRates[i] / directRates[i];
    return r;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
