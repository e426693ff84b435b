package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.toggle.Counts;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The load harness; one scenario per JVM, so heap, RSS and GC figures are the scenario's own.
 * <pre>
 * java -Xmx1g -cp benchmarks.jar io.stratastor.rodent.events.bench.LoadHarness SCENARIO [--run K] [--out DIR]
 *     [--events N] [--producers P] [--rate R] [--batch B] [--dir SPOOL_PARENT] [--warm-up N (100000)]
 *     ours: [--schema 2025-09|2025-12] [--receiver count|parse]
 *     peer: [--tuned] [--sender okhttp|grpc] [--flush-every N] [--seconds S] [--precision F] [--trials T]
 *     shipped: --dist DISTRIBUTION_DIR [--bundle LOAD_BUNDLE_JAR]
 * </pre>
 * Ours: {@code steady}, {@code burst}, {@code backlog} (typed emit → FileSpool → gRPC → reference
 * Toggle, counting by default), {@code shipped} (the distribution with the load bundle added,
 * driven by a Gogo script; see {@link ShippedNode}). The
 * peer: {@code peer-steady}, {@code peer-burst}, {@code peer-maxrate} (the OpenTelemetry logs SDK
 * → a loopback OTLP collector that counts; {@code --tuned} for the tuned BatchLogRecordProcessor;
 * the sender is the class path's: {@code benchmarks.jar} has OkHttp, {@code peer-grpc.jar}
 * grpc-java, and {@code --sender} says which is expected). Figures go to
 * {@code DIR/NAME-K.properties} and standard output; NAME is the scenario with its generation,
 * receiver, sender and processor, e.g. {@code burst-2025-12} or {@code peer-maxrate-grpc-tuned}.
 */
public final class LoadHarness {
    static final String DEFAULT_SCHEMA = "2025-09";
    /**
     * Calls made through the whole path before anything is measured, the same on both sides, so that
     * both are measured with their code compiled, as a node that has run for a while is.
     */
    static final int WARM_UP = 100_000;

    private final Map<String, String> options;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private LoadHarness(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        options.put("scenario", args.length > 0 ? args[0] : "steady");
        for (int i = 1; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("tuned")) {
                options.put("tuned", "true");
            } else {
                options.put(key, args[++i]);
            }
        }
        new LoadHarness(options).run();
        System.exit(0);
    }

    private String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    private long number(String key, long fallback) {
        return Long.parseLong(option(key, Long.toString(fallback)));
    }

    private double decimal(String key, double fallback) {
        return Double.parseDouble(option(key, Double.toString(fallback)));
    }

    private void run() throws Exception {
        String scenario = option("scenario", "steady");
        boolean tuned = Boolean.parseBoolean(option("tuned", "false"));
        String schema = option("schema", DEFAULT_SCHEMA);
        boolean counting = !option("receiver", "count").equals("parse");
        String name = switch (scenario) {
            case "steady", "burst", "shipped" -> scenario + "-" + schema + (counting ? "" : "-parse");
            case "backlog" -> scenario;
            case "peer-steady", "peer-burst", "peer-maxrate" -> scenario + "-" + peerSender() + (tuned ? "-tuned" : "");
            default -> throw new IllegalArgumentException("scenario: " + scenario
                    + "; expected steady, burst, backlog, shipped, peer-steady, peer-burst or peer-maxrate");
        };
        results.put("scenario", name);
        results.put("run", option("run", "1"));
        switch (scenario) {
            case "steady" -> ours(number("events", 100_000), (int) number("producers", 2), number("rate", 20_000), true, schema, counting);
            case "burst" -> ours(number("events", 1_000_000), (int) number("producers", 2), number("rate", 0), true, schema, counting);
            case "backlog" -> ours(number("events", 5_000_000), (int) number("producers", 2), 0, false, schema, counting);
            case "shipped" -> ShippedNode.run(Path.of(option("dist", "distribution/target/rodent-events")),
                    Path.of(option("bundle", ShippedNode.DEFAULT_BUNDLE)), number("events", 1_000_000), schema,
                    Path.of(option("dir", "target")), results);
            case "peer-steady" -> peer(number("events", 100_000), (int) number("producers", 2), number("rate", 20_000), tuned);
            case "peer-burst" -> peer(number("events", 1_000_000), (int) number("producers", 2), number("rate", 0), tuned);
            case "peer-maxrate" -> peerMaxRate((int) number("producers", 2), tuned);
            default -> throw new IllegalStateException(scenario);
        }
        write(name);
    }

    // The sender the class path holds, checked against --sender; recorded with the SDK's version.
    private String peerSender() {
        String sender = Peer.sender();
        String expected = option("sender", sender);
        if (!expected.equals(sender)) {
            throw new IllegalStateException("--sender " + expected + " but this class path holds the " + sender
                    + " sender; run peer-grpc.jar for grpc, benchmarks.jar for okhttp");
        }
        results.put("peer_sender", sender);
        results.put("peer_sdk_version", Peer.sdkVersion());
        return sender;
    }

    // Ours: the typed emitter into the node; with Toggle up (shipped, counted) or down (the backlog stays in the spool).
    private void ours(long events, int producers, long rate, boolean toggleUp, String schema, boolean counting) throws Exception {
        Path parent = Path.of(option("dir", "target")).toAbsolutePath();
        Files.createDirectories(parent);
        Path spool = Files.createTempDirectory(parent, "harness-spool-");
        // Counting, the reference Toggle runs in a JVM of its own, as the peer's collector does; decoding, in this one.
        OurToggle sink = !toggleUp ? null : counting ? new OwnJvmToggle(ReceiverProcess.toggle(schema))
                : new InProcessToggle(ToggleSink.builder().port(0).noAuth().retainEvents(false).schema(schema).build().start());
        results.put("schema", schema);
        results.put("receiver", toggleUp ? (counting ? "count" : "parse") : "none");
        int port = sink != null ? sink.port() : closedPort();
        BenchNode node = BenchNode.start(BenchNode.settings(spool, (int) number("batch", 500))
                .toggleAddress("127.0.0.1:" + port).toggleJwt("bench").toggleSchema(schema));
        warmUp(node::emitOne, sink);
        long baseReceived = sink == null ? 0 : sink.received();
        long baseReceiverCpu = sink == null ? -1 : sink.cpuMillis();
        long baseAccepted = node.stat("emitted");
        long basePending = node.stat("pending");
        long baseFailed = node.stat("failed_sends");
        long baseWireBytes = node.wireBytes.sum();
        long baseWireEvents = node.wireEvents.sum();
        try (ProcessStats process = new ProcessStats()) {
            ThreadCpu cpu = new ThreadCpu();
            Load.Result load = Load.run(producers, events, rate, node::emitOne);
            latency(load);
            long accepted = node.stat("emitted") - baseAccepted;
            results.put("accepted", accepted);
            results.put("refused", node.stat("dropped"));
            results.put("spool_bytes_per_event", ratio(node.stat("spool_bytes"), node.stat("pending")));
            if (sink != null) {
                long target = baseReceived + accepted;
                boolean all = sink.await(target, Duration.ofMinutes(5));
                long end = System.nanoTime();
                long delivered = sink.received() - baseReceived;
                // A counting Toggle cannot tell a batch sent again from a new one: the node's failed sends say whether any was.
                long failed = node.stat("failed_sends") - baseFailed;
                results.put("delivered", delivered);
                results.put("failed_sends", failed);
                results.put("sent_events", node.wireEvents.sum() - baseWireEvents);
                results.put("duplicates", counting ? (failed == 0 ? 0 : -1) : sink.duplicates());
                results.put("lost", accepted - delivered);
                results.put("all_delivered_in_5_min", all);
                results.put("delivered_per_s", Math.round(accepted * 1e9 / (end - load.firstNanos())));
                results.put("wire_bytes_per_event", ratio(node.wireBytes.sum() - baseWireBytes, node.wireEvents.sum() - baseWireEvents));
                results.put("drain_after_emit_ms", (end - load.lastNanos()) / 1_000_000);
                receiverCpu(baseReceiverCpu, sink.cpuMillis(), delivered);
            } else {
                results.put("pending_in_spool", node.stat("pending"));
                results.put("spool_bytes", node.stat("spool_bytes"));
                results.put("spool_segments", node.stat("spool_segments"));
                results.put("lost", accepted - (node.stat("pending") - basePending));
            }
            cpu(cpu, load, accepted, System.nanoTime() - load.firstNanos());
            memory(process);
        } finally {
            node.close();
            if (sink != null) {
                sink.close();
            }
            BenchNode.delete(spool);
        }
    }

    /** Our Toggle as the harness uses it: the counting one in a JVM of its own, the decoding one in this. */
    private interface OurToggle extends AutoCloseable {
        int port();

        /** Events a counting Toggle received, or unique events a decoding one kept. */
        long received();

        boolean await(long events, Duration timeout);

        /** Events received twice; -1 where the Toggle does not tell. */
        long duplicates();

        /** The Toggle's own CPU so far, in milliseconds; -1 where it shares this JVM's. */
        long cpuMillis();

        @Override
        void close();
    }

    private record OwnJvmToggle(ReceiverProcess process) implements OurToggle {
        public int port() {
            return process.port();
        }

        public long received() {
            return process.stats().records();
        }

        public boolean await(long events, Duration timeout) {
            return process.awaitRecords(events, timeout);
        }

        public long duplicates() {
            return -1;
        }

        public long cpuMillis() {
            return process.cpuMillis();
        }

        public void close() {
            process.close();
        }
    }

    private record InProcessToggle(ToggleSink sink) implements OurToggle {
        public int port() {
            return sink.port();
        }

        public long received() {
            Counts counts = sink.counts();
            return sink.counting() ? counts.received() : counts.unique();
        }

        public boolean await(long events, Duration timeout) {
            return sink.counting() ? sink.awaitReceived(events, timeout) : sink.awaitUnique((int) events, timeout);
        }

        public long duplicates() {
            return sink.counts().duplicates();
        }

        public long cpuMillis() {
            return -1;
        }

        public void close() {
            sink.close();
        }
    }

    // The receiver's CPU in the run, and with the sender's the whole machine's work per event delivered.
    private void receiverCpu(long before, long after, long delivered) {
        long receiver = before < 0 || after < 0 ? -1 : after - before;
        results.put("receiver_cpu_ms", receiver);
        results.put("receiver_cpu_ns_per_event", receiver < 0 || delivered <= 0 ? -1 : Math.round(receiver * 1e6 / delivered));
    }

    // --warm-up events (WARM_UP) through the whole path first, so the JIT has compiled it.
    private void warmUp(Runnable emit, OurToggle sink) {
        int warmUp = (int) number("warm-up", WARM_UP);
        results.put("warm_up", warmUp);
        for (int i = 0; i < warmUp; i++) {
            emit.run();
        }
        if (sink != null) {
            sink.await(warmUp, Duration.ofMinutes(1));
        }
    }

    private void warmUp(ReceiverProcess collector, boolean tuned) {
        int warmUp = (int) number("warm-up", WARM_UP);
        results.put("warm_up", warmUp);
        try (Peer warm = new Peer(collector.port(), tuned)) {
            for (int i = 0; i < warmUp; i++) {
                warm.emit();
            }
        }
        collector.reset();
    }

    private void peer(long events, int producers, long rate, boolean tuned) throws Exception {
        try (ReceiverProcess collector = ReceiverProcess.otlp()) {
            warmUp(collector, tuned);
            Peer peer = new Peer(collector.port(), tuned);
            try (ProcessStats process = new ProcessStats()) {
                ThreadCpu cpu = new ThreadCpu();
                long receiverCpu = collector.cpuMillis();
                Load.Result load = Load.run(producers, events, rate, peer::emit);
                latency(load);
                peer.close();
                ReceiverProcess.Stats received = collector.stats();
                results.put("accepted", events);
                results.put("delivered", received.records());
                results.put("lost", events - received.records());
                results.put("collector_refused", received.refused());
                long wall = Math.max(1, received.lastRecordNanos() - load.firstNanos());
                results.put("delivered_per_s", Math.round(received.records() * 1e9 / wall));
                results.put("wire_bytes_per_event", ratio(received.bytes(), received.records()));
                receiverCpu(receiverCpu, collector.cpuMillis(), received.records());
                cpu(cpu, load, received.records(), wall);
                memory(process);
            }
        }
    }

    /**
     * The peer's highest rate without drops, two ways. First as fast as it goes with back-pressure:
     * {@code forceFlush}, waited for, after every {@code --flush-every} (1024) records in all — each of
     * the P producers after every 1024 ÷ P of its own — for about {@code --seconds}. Then a search of paced runs of
     * {@code --seconds} each: a rate is sustained when every record arrived, the producers kept the
     * pace (≥ 97 %) and the exporter kept up: the last record arrived at most 3 % of the run (and at
     * least 50 ms, for the last export's round trip) after the last emit — a queue that only absorbs
     * the excess leaves a backlog that takes longer to drain, so a rate passes only if it is within
     * about 3 % of what the exporter sustains. It starts at the
     * forceFlush rate, rises by half while runs pass, and then bisects — taking the rate a failed run
     * delivered as the next guess when it lies inside the bracket — until the bracket is within
     * {@code --precision} (5 %) of its lower end or {@code --trials} (10) runs were made.
     */
    private void peerMaxRate(int producers, boolean tuned) throws Exception {
        double seconds = decimal("seconds", 1.5);
        double precision = decimal("precision", 0.05);
        int flushEvery = (int) number("flush-every", 1024);
        int flushEach = Math.max(1, flushEvery / producers);
        StringBuilder trials = new StringBuilder();
        try (ReceiverProcess collector = ReceiverProcess.otlp()) {
            warmUp(collector, tuned);
            // A short flush-paced run sizes the measured one to about `seconds`.
            Trial probe = flushPaced(collector, producers, tuned, 20_000, flushEach);
            long events = Math.max(20_000, Math.min(5_000_000, Math.round(probe.deliveredPerSecond() * seconds)));
            ThreadCpu cpu = new ThreadCpu();
            long receiverBefore = collector.cpuMillis();
            Trial paced = flushPaced(collector, producers, tuned, events, flushEach);
            // The peer's cost per event when it delivers what it takes, to set beside ours in the burst.
            long process = cpu.processMillis();
            long receiver = receiverBefore < 0 ? -1 : collector.cpuMillis() - receiverBefore;
            results.put("flush_paced_cpu_ns_per_event_process", paced.received() <= 0 || process < 0 ? -1
                    : Math.round(process * 1e6 / paced.received()));
            results.put("flush_paced_receiver_cpu_ns_per_event", paced.received() <= 0 || receiver < 0 ? -1
                    : Math.round(receiver * 1e6 / paced.received()));
            results.put("flush_paced_jit_ms", cpu.compilingMillis());
            Map<String, Long> own = cpu.nativeMillis();
            own.forEach((kind, millis) -> results.put("flush_paced_cpu_ms." + kind, millis));
            long wall = Math.max(1, paced.lastRecordNanos() - paced.load().firstNanos());
            results.put("flush_paced_jit_share_pct", share(own.getOrDefault("jit", -1L), wall));
            results.put("flush_paced_gc_share_pct", share(own.getOrDefault("gc", -1L), wall));
            results.put("flush_every", flushEvery);
            results.put("flush_every_per_producer", flushEach);
            results.put("flush_paced_events", events);
            results.put("flush_paced_per_s", Math.round(paced.deliveredPerSecond()));
            results.put("flush_paced_lost", paced.lost());
            results.put("flush_paced_emit_p50_ns", paced.load().latency().getValueAtPercentile(50));

            long best = 0;
            long failed = Long.MAX_VALUE;
            long rate = Math.max(1_000, Math.round(paced.deliveredPerSecond()));
            int maxTrials = (int) number("trials", 10);
            int made = 0;
            while (made < maxTrials) {
                Trial trial = paced(collector, producers, tuned, rate, seconds);
                made++;
                long drainMillis = trial.drainMillis();
                boolean kept = trial.lost() == 0 && trial.load().callsPerSecond() >= rate * 0.97
                        && drainMillis <= Math.max(50, seconds * 1000 * 0.03);
                trials.append(rate).append(kept ? ":ok " : String.format(Locale.ROOT, ":no(lost %d, drain %d ms, %.0f/s) ", trial.lost(),
                        drainMillis, trial.deliveredPerSecond()));
                if (kept) {
                    best = Math.max(best, rate);
                } else {
                    failed = Math.min(failed, rate);
                }
                if (failed != Long.MAX_VALUE && failed - best <= Math.max(1, best) * precision) {
                    break;
                }
                long next;
                if (failed == Long.MAX_VALUE) {
                    next = Math.round(rate * 1.5);
                } else {
                    long delivered = Math.round(trial.deliveredPerSecond() * 0.99);
                    next = !kept && delivered > best && delivered < failed ? delivered : (best + failed) / 2;
                    // A guess next to a bound halves nothing: keep at least a quarter of the bracket away from each.
                    long quarter = (failed - best) / 4;
                    next = Math.max(best + quarter, Math.min(failed - quarter, next));
                }
                rate = Math.max(1_000, next);
            }
            results.put("max_no_drop_per_s", best);
            results.put("max_no_drop_bracket_high", failed == Long.MAX_VALUE ? -1 : failed);
            results.put("search_trials", made);
            results.put("trials", trials.toString().trim());
            long noDrop = paced.lost() == 0 ? Math.max(best, Math.round(paced.deliveredPerSecond())) : best;
            results.put("peer_no_drop_per_s", noDrop);
        }
    }

    /** One measured run of the peer: the load, what the collector received and when the last record came. */
    private record Trial(Load.Result load, long sent, long received, long lastRecordNanos) {
        long lost() {
            return sent - received;
        }

        double deliveredPerSecond() {
            return received * 1e9 / Math.max(1, lastRecordNanos - load.firstNanos());
        }

        // From the last emit to the last record's arrival: how far the exporter was behind.
        long drainMillis() {
            return Math.max(0, (lastRecordNanos - load.lastNanos()) / 1_000_000);
        }
    }

    private static Trial flushPaced(ReceiverProcess collector, int producers, boolean tuned, long events, int flushEvery) throws Exception {
        collector.reset();
        Peer peer = new Peer(collector.port(), tuned);
        Load.Result load = Load.run(producers, events, 0, peer::emit, flushEvery, peer::flush);
        peer.close();
        ReceiverProcess.Stats stats = collector.stats();
        return new Trial(load, events, stats.records(), stats.lastRecordNanos());
    }

    private static Trial paced(ReceiverProcess collector, int producers, boolean tuned, long rate, double seconds) throws Exception {
        collector.reset();
        Peer peer = new Peer(collector.port(), tuned);
        long events = Math.round(rate * seconds);
        Load.Result load = Load.run(producers, events, rate, peer::emit);
        peer.close();
        ReceiverProcess.Stats stats = collector.stats();
        return new Trial(load, events, stats.records(), stats.lastRecordNanos());
    }

    private void latency(Load.Result load) {
        Histogram latency = load.latency();
        results.put("events", load.calls());
        results.put("emit_p50_ns", latency.getValueAtPercentile(50));
        results.put("emit_p99_ns", latency.getValueAtPercentile(99));
        results.put("emit_p999_ns", latency.getValueAtPercentile(99.9));
        results.put("emit_max_ns", latency.getMaxValue());
        results.put("emit_mean_ns", Math.round(latency.getMean()));
        results.put("emit_calls_per_s", Math.round(load.callsPerSecond()));
    }

    // Where the CPU went: by thread role, the producers, the whole process and the JIT. The receiver runs
    // in this JVM on both sides, so the process figure holds its work too; it is per event delivered,
    // the producers' per emit call.
    private void cpu(ThreadCpu cpu, Load.Result load, long delivered, long wallNanos) {
        for (Map.Entry<String, Long> role : cpu.millisByRole().entrySet()) {
            if (role.getValue() > 0) {
                results.put("cpu_ms." + role.getKey(), role.getValue());
            }
        }
        results.put("cpu_ms.producers", load.producerCpuNanos() / 1_000_000);
        long process = cpu.processMillis();
        results.put("cpu_ms_process", process);
        results.put("jit_ms", cpu.compilingMillis());
        Map<String, Long> own = cpu.nativeMillis();
        own.forEach((kind, millis) -> results.put("cpu_ms." + kind, millis));
        results.put("jit_share_pct", share(own.getOrDefault("jit", -1L), wallNanos));
        results.put("gc_share_pct", share(own.getOrDefault("gc", -1L), wallNanos));
        results.put("cpu_ns_per_event_process", delivered <= 0 || process < 0 ? -1 : Math.round(process * 1e6 / delivered));
        results.put("cpu_ns_per_call_producers", load.calls() <= 0 ? -1 : Math.round((double) load.producerCpuNanos() / load.calls()));
    }

    // CPU milliseconds as a percentage of all the machine's cores over wallNanos; -1 when unknown.
    private static double share(long cpuMillis, long wallNanos) {
        return cpuMillis < 0 ? -1 : Math.round(cpuMillis * 1e6 * 1000 / wallNanos / Runtime.getRuntime().availableProcessors()) / 10.0;
    }

    private void memory(ProcessStats process) {
        results.put("peak_heap_used_mb", mb(process.peakHeapUsed()));
        results.put("peak_heap_after_gc_mb", mb(process.peakHeapAfterGc()));
        results.put("gc_count", process.gcCountDelta());
        results.put("gc_pause_ms", process.gcMillisDelta());
        results.put("rss_hwm_mb", ProcessStats.rssHighWaterKb() / 1024);
        results.put("rss_anon_peak_mb", process.peakAnonymousKb() < 0 ? -1 : process.peakAnonymousKb() / 1024);
        results.put("heap_at_rest_mb", mb(process.heapAfterFullGc()));
    }

    static double mb(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator <= 0 ? -1 : Math.round(numerator * 10.0 / denominator) / 10.0;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void write(String name) throws IOException {
        Properties properties = new Properties();
        results.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        Path out = Path.of(option("out", "target/harness"));
        Files.createDirectories(out);
        try (OutputStream file = Files.newOutputStream(out.resolve(name + "-" + option("run", "1") + ".properties"))) {
            properties.store(file, null);
        }
        System.out.println(results);
    }
}
