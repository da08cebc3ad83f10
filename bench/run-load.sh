#!/usr/bin/env bash
# The load harness of issue 6: direct vs through-gateway calls for every scenario and payload, table
# written into docs/BENCHMARKS.md. Run from anywhere; options are LoadMain's (--quick, --help, ...).
#   bench/run-load.sh            # full run, about 10 minutes on 2 cores
#   bench/run-load.sh --quick    # about 6 minutes, fewer and shorter rounds
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar || -n "$(find benchmarks/src -newer "$jar" -print -quit)" ]]; then
  mvn -o -q -Pbench -pl benchmarks -am package -DskipTests
fi
# The harness JVM holds the load generator and the backends; the gateway gets its own JVM (GatewayNode).
exec java -Xms1g -Xmx1g -cp "$jar" dev.polyglot.bench.load.LoadMain "$@"
