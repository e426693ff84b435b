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
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The load harness of issue 6; one scenario per JVM, so heap, RSS and GC figures are the scenario's own.
 * <pre>
 * java -Xmx1g -cp benchmarks.jar io.stratastor.rodent.events.bench.LoadHarness SCENARIO [--run K] [--out DIR]
 *     [--events N] [--producers P] [--rate R] [--batch B] [--dir SPOOL_PARENT]
 * </pre>
 * Scenarios: {@code steady}, {@code burst}, {@code backlog} (ours: typed emit → FileSpool → gRPC → reference
 * Toggle), {@code peer-steady}, {@code peer-burst}, {@code peer-maxrate} (the OpenTelemetry logs SDK → a
 * loopback OTLP collector; add {@code --tuned} for the tuned BatchLogRecordProcessor). Figures go to
 * {@code DIR/SCENARIO[-tuned]-K.properties} and standard output.
 */
public final class LoadHarness {
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

    private void run() throws Exception {
        String scenario = option("scenario", "steady");
        boolean tuned = Boolean.parseBoolean(option("tuned", "false"));
        String name = scenario + (tuned ? "-tuned" : "");
        results.put("scenario", name);
        results.put("run", option("run", "1"));
        switch (scenario) {
            case "steady" -> ours(number("events", 500_000), (int) number("producers", 2), number("rate", 100_000), true);
            case "burst" -> ours(number("events", 1_000_000), (int) number("producers", 2), number("rate", 0), true);
            case "backlog" -> ours(number("events", 5_000_000), (int) number("producers", 2), 0, false);
            case "peer-steady" -> peer(number("events", 500_000), (int) number("producers", 2), number("rate", 100_000), tuned);
            case "peer-burst" -> peer(number("events", 1_000_000), (int) number("producers", 2), number("rate", 0), tuned);
            case "peer-maxrate" -> peerMaxRate((int) number("producers", 2), tuned);
            default -> throw new IllegalArgumentException("scenario: " + scenario
                    + "; expected steady, burst, backlog, peer-steady, peer-burst or peer-maxrate");
        }
        write(name);
    }

    // Ours: the typed emitter into the node; with Toggle up (shipped, counted) or down (the backlog stays in the spool).
    private void ours(long events, int producers, long rate, boolean toggleUp) throws Exception {
        Path parent = Path.of(option("dir", "target")).toAbsolutePath();
        Files.createDirectories(parent);
        Path spool = Files.createTempDirectory(parent, "harness-spool-");
        ToggleSink sink = toggleUp ? ToggleSink.builder().port(0).noAuth().retainEvents(false).build().start() : null;
        int port = sink != null ? sink.port() : closedPort();
        BenchNode node = BenchNode.start(BenchNode.settings(spool, (int) number("batch", 500))
                .toggleAddress("127.0.0.1:" + port).toggleJwt("bench"));
        warmUp(node::emitOne, sink);
        long baseUnique = sink == null ? 0 : sink.counts().unique();
        long baseAccepted = node.stat("emitted");
        long basePending = node.stat("pending");
        long baseWireBytes = node.wireBytes.sum();
        long baseWireEvents = node.wireEvents.sum();
        try (ProcessStats process = new ProcessStats()) {
            Load.Result load = Load.run(producers, events, rate, node::emitOne);
            latency(load);
            long accepted = node.stat("emitted") - baseAccepted;
            results.put("accepted", accepted);
            results.put("refused", node.stat("dropped"));
            results.put("spool_bytes_per_event", ratio(node.stat("spool_bytes"), node.stat("pending")));
            if (sink != null) {
                long target = baseUnique + accepted;
                boolean all = sink.awaitUnique((int) target, Duration.ofMinutes(5));
                long end = System.nanoTime();
                Counts counts = sink.counts();
                results.put("delivered_unique", counts.unique() - baseUnique);
                results.put("duplicates", counts.duplicates());
                results.put("lost", accepted - (counts.unique() - baseUnique));
                results.put("all_delivered_in_5_min", all);
                results.put("delivered_per_s", Math.round(accepted * 1e9 / (end - load.firstNanos())));
                results.put("wire_bytes_per_event", ratio(node.wireBytes.sum() - baseWireBytes, node.wireEvents.sum() - baseWireEvents));
            } else {
                results.put("pending_in_spool", node.stat("pending"));
                results.put("spool_bytes", node.stat("spool_bytes"));
                results.put("spool_segments", node.stat("spool_segments"));
                results.put("lost", accepted - (node.stat("pending") - basePending));
            }
            memory(process);
        } finally {
            node.close();
            if (sink != null) {
                sink.close();
            }
            BenchNode.delete(spool);
        }
    }

    // 20 000 events through the whole path first, so the JIT has seen it.
    private static void warmUp(Runnable emit, ToggleSink sink) {
        for (int i = 0; i < 20_000; i++) {
            emit.run();
        }
        if (sink != null) {
            sink.awaitUnique(20_000, Duration.ofMinutes(1));
        }
    }

    private void peer(long events, int producers, long rate, boolean tuned) throws Exception {
        try (OtlpCollector collector = new OtlpCollector()) {
            try (Peer warm = new Peer(collector.port(), tuned)) {
                for (int i = 0; i < 20_000; i++) {
                    warm.emit();
                }
            }
            collector.reset();
            Peer peer = new Peer(collector.port(), tuned);
            try (ProcessStats process = new ProcessStats()) {
                Load.Result load = Load.run(producers, events, rate, peer::emit);
                latency(load);
                peer.close();
                long received = collector.records.sum();
                results.put("accepted", events);
                results.put("delivered_unique", received);
                results.put("lost", events - received);
                results.put("delivered_per_s", Math.round(received * 1e9 / Math.max(1, collector.lastRecordNanos.get() - load.firstNanos())));
                results.put("wire_bytes_per_event", ratio(collector.bytes.sum(), received));
                memory(process);
            }
        }
    }

    // Paced runs of 3 s at rising rates: the highest rate at which every record arrives.
    private void peerMaxRate(int producers, boolean tuned) throws Exception {
        long seconds = number("seconds", 3);
        long best = 0;
        long failed = 0;
        long rate = number("start", 50_000);
        StringBuilder trials = new StringBuilder();
        try (OtlpCollector collector = new OtlpCollector()) {
            try (Peer warm = new Peer(collector.port(), tuned)) {
                for (int i = 0; i < 20_000; i++) {
                    warm.emit();
                }
            }
            for (int trial = 0; trial < (int) number("trials", 7); trial++) {
                collector.reset();
                Peer peer = new Peer(collector.port(), tuned);
                Load.Result load = Load.run(producers, rate * seconds, rate, peer::emit);
                peer.close();
                long lost = rate * seconds - collector.records.sum();
                boolean kept = lost == 0 && load.callsPerSecond() >= rate * 0.97;
                trials.append(rate).append(kept ? ":ok " : ":lost" + lost + " ");
                if (kept) {
                    best = Math.max(best, rate);
                } else {
                    failed = failed == 0 ? rate : Math.min(failed, rate);
                }
                rate = failed == 0 ? rate * 2 : (best + failed) / 2;
                if (failed != 0 && failed - best <= Math.max(10_000, best / 10)) {
                    break;
                }
            }
        }
        results.put("max_no_drop_per_s", best);
        results.put("trials", trials.toString().trim());
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

    private void memory(ProcessStats process) {
        results.put("peak_heap_used_mb", mb(process.peakHeapUsed()));
        results.put("peak_heap_after_gc_mb", mb(process.peakHeapAfterGc()));
        results.put("gc_count", process.gcCountDelta());
        results.put("gc_pause_ms", process.gcMillisDelta());
        results.put("rss_hwm_mb", ProcessStats.rssHighWaterKb() / 1024);
        results.put("heap_at_rest_mb", mb(process.heapAfterFullGc()));
    }

    private static double mb(long bytes) {
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
