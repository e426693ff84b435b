#!/usr/bin/env bash
# Issue 6: builds the benchmarks jar, runs the JMH benchmarks and the load harness (ours and the
# OpenTelemetry peer, one scenario per JVM, RUNS times each for the repeated scenarios), and prints
# the Markdown table, also written to bench/target/results.md. about 10 minutes on 2 cores.
#   RUNS=5 (burst, steady, peer steady/burst)   BACKLOG_RUNS=5   MAXRATE_RUNS=5   JMH=1 (0 skips JMH)
#   JMH_ARGS='-wi 2 -i 3 -w 1s -r 2s -f 1'      BUILD=1 (0 uses the jar as built)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BACKLOG_RUNS=${BACKLOG_RUNS:-5}
MAXRATE_RUNS=${MAXRATE_RUNS:-5}
JMH_ARGS=${JMH_ARGS:--wi 2 -i 3 -w 1s -r 2s -f 1}
STEADY_RATE=${STEADY_RATE:-20000}
JAR=bench/target/benchmarks.jar
OUT=bench/target/harness
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
HARNESS="java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp $JAR io.stratastor.rodent.events.bench.LoadHarness"

if [ "${BUILD:-1}" = 1 ]; then
  # -am: the benchmarks jar is built from this checkout's modules, never from whatever ~/.m2 holds.
  # The benchmark jar only; the tests are .ci/run's.
  log "building bench/ and the modules it uses"
  mvn -B -q -pl bench -am package -DskipTests
fi
rm -rf "$OUT" && mkdir -p "$OUT"

if [ "${JMH:-1}" = 1 ]; then
  log "JMH ($JMH_ARGS)"
  java -Xmx1g -Dbench.dir=bench/target -jar "$JAR" $JMH_ARGS -rf csv -rff bench/target/jmh.csv PipelineBenchmarks >bench/target/jmh.log 2>&1
fi

# Interleaved so that a neighbour's load falls on both sides alike.
for run in $(seq 1 "$RUNS"); do
  for scenario in "steady --rate $STEADY_RATE --events $((STEADY_RATE * 5))" "peer-steady --rate $STEADY_RATE --events $((STEADY_RATE * 5))" \
      "peer-steady --tuned --rate $STEADY_RATE --events $((STEADY_RATE * 5))" burst peer-burst "peer-burst --tuned"; do
    log "run $run: $scenario"
    $HARNESS $scenario --run "$run" --out "$OUT" --dir bench/target >>bench/target/harness.log 2>&1
  done
done
for run in $(seq 1 "$MAXRATE_RUNS"); do
  log "run $run: peer-maxrate"
  $HARNESS peer-maxrate --run "$run" --out "$OUT" >>bench/target/harness.log 2>&1
  $HARNESS peer-maxrate --tuned --run "$run" --out "$OUT" >>bench/target/harness.log 2>&1
done
for run in $(seq 1 "$BACKLOG_RUNS"); do
  log "run $run: backlog (5M, Toggle down)"
  $HARNESS backlog --run "$run" --out "$OUT" --dir bench/target >>bench/target/harness.log 2>&1
done

java -cp "$JAR" io.stratastor.rodent.events.bench.Report "$OUT" bench/target/jmh.csv | tee bench/target/results.md
