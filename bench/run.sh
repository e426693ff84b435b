#!/usr/bin/env bash
# Issues 6 and 14: builds the benchmark jars (and the distribution) from this checkout, runs the JMH benchmarks
# (-prof gc) and the load harness — ours in both wire generations against the counting reference Toggle, the
# OpenTelemetry peer in four configurations (OkHttp sender on SDK 1.68 from bench/target/benchmarks.jar, grpc-java
# sender on SDK 1.63 from bench/peer-grpc/target/peer-grpc.jar; BatchLogRecordProcessor default and tuned) against
# its counting collector, the node as shipped (events:emit, then the load bundle's bench:emit) — one scenario per
# JVM, and prints the Markdown table, also written to bench/target/results.md. See BENCHMARKS.md for the estimate of
# its duration.
#   RUNS=5 (rounds of steady, burst, peer steady and burst)   OTHER_RUNS=3 (rounds with 2025-12's burst)
#   OTHER_PEER_RUNS=2 (searches and rounds with the peer's configurations other than its best)   MAXRATE_RUNS=5   BACKLOG_RUNS=5   SHIPPED_RUNS=5 (0: no
#   distribution, not even built)   JMH=1 (0 skips JMH)   JMH_ARGS='-wi 3 -i 3 -w 1s -r 1s -f 1'
#   JMH_BENCHMARKS (a regular expression; default the emit path, the two generations' batch encoding and the physical
#   limits, LimitBenchmarks; PipelineBenchmarks for all of the pipeline)   BUILD=1 (0 uses the jars as built)
#   MVN_ARGS (added to mvn, e.g. -o or -Dmaven.repo.local=...)
#   STEADY_RATE=20000 STEADY_EVENTS=2×rate  BURST_EVENTS=1000000  BACKLOG_EVENTS=5000000  SHIPPED_EVENTS=100000
#   MAXRATE_SECONDS=1 (each paced run of the peer's search, and its forceFlush-paced run)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
# The other generation's burst (2025-12) in the first OTHER_RUNS rounds: its figures stand beside the default's.
OTHER_RUNS=${OTHER_RUNS:-3}
# The peer's configurations other than the best in the first OTHER_PEER_RUNS searches and rounds; the best in all.
OTHER_PEER_RUNS=${OTHER_PEER_RUNS:-2}
BACKLOG_RUNS=${BACKLOG_RUNS:-5}
MAXRATE_RUNS=${MAXRATE_RUNS:-5}
SHIPPED_RUNS=${SHIPPED_RUNS:-5}
JMH_ARGS=${JMH_ARGS:--wi 3 -i 3 -w 1s -r 1s -f 1}
STEADY_RATE=${STEADY_RATE:-20000}
STEADY_EVENTS=${STEADY_EVENTS:-$((STEADY_RATE * 2))}
BURST_EVENTS=${BURST_EVENTS:-1000000}
BACKLOG_EVENTS=${BACKLOG_EVENTS:-5000000}
SHIPPED_EVENTS=${SHIPPED_EVENTS:-100000}
MAXRATE_SECONDS=${MAXRATE_SECONDS:-1}
JMH_BENCHMARKS=${JMH_BENCHMARKS:-'PipelineBenchmarks.(typedEmitIntoSpool|typedEmitIntoSpoolTwoThreads|envelopeAndSerialize|batchEncode2025_09|batchEncode2025_12)$|LimitBenchmarks.*'}
JAR=bench/target/benchmarks.jar
PEER_GRPC_JAR=bench/peer-grpc/target/peer-grpc.jar
DIST=distribution/target/rodent-events
LOAD_BUNDLE=bench/load-bundle/target/rodent-events-bench-load.jar
OUT=bench/target/harness
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
JVM="java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
# Each scenario's start in the harness's log, to see where the time goes.
mark() { echo "[$(date -u +%H:%M:%S)] $*" >>bench/target/harness.log; }
ours() {
  mark "$@"
  $JVM -cp "$JAR" io.stratastor.rodent.events.bench.LoadHarness "$@" --out "$OUT" --dir bench/target >>bench/target/harness.log 2>&1
}
# A peer configuration: okhttp, okhttp-tuned, grpc or grpc-tuned; the sender's jar, the harness checks it.
peer() {
  local config=$1 scenario=$2; shift 2
  local sender=${config%-tuned} jar=$JAR tuned=()
  [ "$sender" = grpc ] && jar=$PEER_GRPC_JAR
  [ "$config" != "$sender" ] && tuned=(--tuned)
  mark "$scenario" "$config" "$@"
  $JVM -cp "$jar" io.stratastor.rodent.events.bench.LoadHarness "$scenario" --sender "$sender" "${tuned[@]}" "$@" --out "$OUT" \
    >>bench/target/harness.log 2>&1
}
PEERS="okhttp okhttp-tuned grpc grpc-tuned"
start=$(date +%s)

if [ "${BUILD:-1}" = 1 ]; then
  # -am: the jars are built from this checkout's modules, never from whatever the local repository holds.
  # The benchmark jars (and the distribution) only; the tests are .ci/run's.
  modules=bench,bench/peer-grpc
  # The node as shipped also needs bench:emit's bundle, which the harness adds to its copy of the distribution.
  [ "$SHIPPED_RUNS" -gt 0 ] && modules=$modules,distribution,bench/load-bundle
  log "building $modules and the modules they use"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -pl "$modules" -am package -DskipTests
fi
rm -rf "$OUT" bench/target/harness.log && mkdir -p "$OUT"

if [ "${JMH:-1}" = 1 ]; then
  log "JMH ($JMH_ARGS -prof gc, $JMH_BENCHMARKS)"
  # -prof gc: the table's allocation per typed emit is JMH's gc.alloc.rate.norm of typedEmitIntoSpool.
  # shellcheck disable=SC2086
  java -Xmx1g -Dbench.dir=bench/target -jar "$JAR" $JMH_ARGS -prof gc -rf csv -rff bench/target/jmh.csv "$JMH_BENCHMARKS" \
    >bench/target/jmh.log 2>&1
fi

# The peer's no-drop rate first, which names its best configuration: every configuration in the first
# OTHER_PEER_RUNS searches, then the best of them until it has MAXRATE_RUNS.
for run in $(seq 1 $((OTHER_PEER_RUNS < MAXRATE_RUNS ? OTHER_PEER_RUNS : MAXRATE_RUNS))); do
  log "search $run of $MAXRATE_RUNS: the peer's no-drop rate, forceFlush-paced and bisected ($PEERS)"
  for config in $PEERS; do peer "$config" peer-maxrate --seconds "$MAXRATE_SECONDS" --run "$run"; done
done
BEST=$(java -cp "$JAR" io.stratastor.rodent.events.bench.Report --best "$OUT")
for run in $(seq $((OTHER_PEER_RUNS + 1)) "$MAXRATE_RUNS"); do
  log "search $run of $MAXRATE_RUNS: the best configuration so far, $BEST"
  peer "$BEST" peer-maxrate --seconds "$MAXRATE_SECONDS" --run "$run"
done
# In every round ours and the best peer configuration, the others in the first OTHER_PEER_RUNS; interleaved,
# so that a neighbour's load falls on every side alike.
peers_of_round() {
  for config in $PEERS; do
    if [ "$config" = "$BEST" ] || [ "$1" -le "$OTHER_PEER_RUNS" ]; then echo "$config"; fi
  done
}
for run in $(seq 1 "$RUNS"); do
  round_peers=$(peers_of_round "$run" | tr '\n' ' ')
  log "round $run of $RUNS: steady, then the 1M burst: ours (2025-09; 2025-12 in the first $OTHER_RUNS) and the peer ($round_peers)"
  ours steady --rate "$STEADY_RATE" --events "$STEADY_EVENTS" --run "$run"
  for config in $round_peers; do peer "$config" peer-steady --rate "$STEADY_RATE" --events "$STEADY_EVENTS" --run "$run"; done
  ours burst --schema 2025-09 --events "$BURST_EVENTS" --run "$run"
  if [ "$run" -le "$OTHER_RUNS" ]; then ours burst --schema 2025-12 --events "$BURST_EVENTS" --run "$run"; fi
  for config in $round_peers; do peer "$config" peer-burst --events "$BURST_EVENTS" --run "$run"; done
done
for run in $(seq 1 "$BACKLOG_RUNS"); do
  log "backlog $run of $BACKLOG_RUNS: $BACKLOG_EVENTS events, Toggle down"
  ours backlog --events "$BACKLOG_EVENTS" --run "$run"
done
for run in $(seq 1 "$SHIPPED_RUNS"); do
  log "node as shipped $run of $SHIPPED_RUNS: $DIST with $LOAD_BUNDLE, events:emit --count $SHIPPED_EVENTS, then bench:emit --threads 2"
  ours shipped --dist "$DIST" --bundle "$LOAD_BUNDLE" --events "$SHIPPED_EVENTS" --run "$run"
done

java -cp "$JAR" io.stratastor.rodent.events.bench.Report "$OUT" bench/target/jmh.csv | tee bench/target/results.md
log "done in $(( $(date +%s) - start )) s"
