package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.core.impl.shipping.InFlightWindow;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the harness's figures (one properties file per scenario and run) and JMH's CSV, and prints
 * one Markdown table: medians of every run, ours per wire generation against each of the peer's
 * four configurations (OkHttp or grpc-java sender, BatchLogRecordProcessor default or tuned), every
 * ratio against the best of them — the one with the highest no-drop rate in this run, named — and
 * the targets of issue 14 with by how much each is met or missed; then JMH's table, and the physical
 * limits of {@link LimitBenchmarks} as rates per core. A scenario that did not run is "—".
 * <pre>java -cp benchmarks.jar io.stratastor.rodent.events.bench.Report HARNESS_DIR [JMH_CSV]</pre>
 */
public final class Report {
    static final List<String> GENERATIONS = List.of("2025-09", "2025-12");
    /** The peer's configurations, as the harness names them: sender, then "-tuned" for the tuned processor. */
    static final List<String> PEERS = List.of("okhttp", "okhttp-tuned", "grpc", "grpc-tuned");
    /** JMH's benchmarks are keyed by class and method: two classes may name a method alike. */
    static final String EMIT_BENCHMARK = "PipelineBenchmarks.typedEmitIntoSpool";

    /** A benchmark of {@code LimitBenchmarks}, and how many events (or writes) one of its ops is. */
    private record Limit(String benchmark, String limit, int perOp, String unit) {
    }

    private static final int BATCH = PipelineBenchmarks.BATCH;
    private static final List<Limit> LIMITS = List.of(
            new Limit("protobufSerializeEnvelope", "protobuf-java: envelope serialized (toByteArray)", 1, "events/s"),
            new Limit("protobufParseEnvelope", "protobuf-java: envelope parsed (parseFrom)", 1, "events/s"),
            new Limit("jsonPayload", "JSON: payload by protobuf-java-util's JsonFormat", 1, "events/s"),
            new Limit("goJsonPayload", "JSON: payload by the node's Go-JSON writer (GoJson, from the message)", 1, "events/s"),
            new Limit("memcpyBatch", "memcpy: a batch of " + BATCH + " × 650 B (System.arraycopy)", BATCH, "events/s"),
            new Limit("grpcLoopbackBatch", "loopback gRPC, " + InFlightWindow.MAX_IN_FLIGHT
                    + " calls in flight, counting Toggle (all cores)", BATCH, "events/s"),
            new Limit("fsync4k", "4 KiB written, FileChannel.force(false)", 1, "writes/s"),
            new Limit("msyncMapped", "one mapped page changed, MappedByteBuffer.force()", 1, "writes/s"));

    private final Map<String, List<Properties>> runs = new TreeMap<>();
    private final Map<String, double[]> jmh = new LinkedHashMap<>();
    private final List<String[]> jmhRows = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private String best;

    /**
     * {@code Report HARNESS_DIR [JMH_CSV]} prints the table; {@code Report --best HARNESS_DIR} prints only the
     * key of the best peer configuration so far (e.g. {@code grpc-tuned}), for run.sh to give it the most runs.
     */
    public static void main(String[] args) throws IOException {
        Report report = new Report();
        if (args.length == 2 && args[0].equals("--best")) {
            report.load(Path.of(args[1]));
            report.pickBest();
            System.out.println(report.best == null ? "" : report.best);
            return;
        }
        report.load(Path.of(args[0]));
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            report.loadJmh(Path.of(args[1]));
        }
        report.table();
        report.jmhTable();
        report.limitsTable();
        System.out.print(report.out);
    }

    private void load(Path dir) throws IOException {
        // JMH alone (JMH_BENCHMARKS with no harness run): every scenario's figure is "—".
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                runs.computeIfAbsent(properties.getProperty("scenario"), k -> new ArrayList<>()).add(properties);
            }
        }
    }

    /** The median over a scenario's runs, NaN when absent. */
    private double median(String scenario, String key) {
        double[] values = runs.getOrDefault(scenario, List.of()).stream().map(p -> p.getProperty(key)).filter(v -> v != null)
                .mapToDouble(Double::parseDouble).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private String property(String scenario, String key) {
        return runs.getOrDefault(scenario, List.of()).stream().map(p -> p.getProperty(key)).filter(v -> v != null).findFirst().orElse("?");
    }

    // The peer's name for a configuration, e.g. "grpc-java 1.63.0, tuned".
    private String peerLabel(String peer) {
        String sender = peer.replace("-tuned", "");
        String version = property("peer-maxrate-" + peer, "peer_sdk_version");
        if (version.equals("?")) {
            version = property("peer-burst-" + peer, "peer_sdk_version");
        }
        return (sender.equals("grpc") ? "grpc-java" : "OkHttp") + " " + version + ", " + (peer.endsWith("-tuned") ? "tuned" : "default");
    }

    private double noDrop(String peer) {
        return median("peer-maxrate-" + peer, "peer_no_drop_per_s");
    }

    // The configuration with the highest no-drop rate, median of its searches.
    private void pickBest() {
        double bestRate = Double.NaN;
        for (String peer : PEERS) {
            double rate = noDrop(peer);
            if (!Double.isNaN(rate) && (best == null || rate > bestRate)) {
                best = peer;
                bestRate = rate;
            }
        }
    }

    private void table() {
        pickBest();
        out.append("Best peer configuration of this run: **").append(best == null ? "none ran" : peerLabel(best))
                .append("** (highest no-drop rate). Every \"÷ best peer\" and every target that names the peer is against it.\n\n");
        out.append("| measure | ours 2025-09 | ours 2025-12");
        for (String peer : PEERS) {
            out.append(" | peer ").append(peerLabel(peer));
        }
        out.append(" | ours ÷ best peer | target | met |\n|").append(" --- |".repeat(3 + PEERS.size() + 3)).append('\n');

        String burst = size("burst-" + GENERATIONS.get(0)) + " burst";
        String backlog = size("backlog") + " backlog";
        // Delivery.
        row("delivered events/s: ours in the " + burst + "; the peer's no-drop rate (best of search and forceFlush-paced)",
                gen("burst", "delivered_per_s"), peers("maxrate", "peer_no_drop_per_s"), Kind.AT_LEAST_DELIVERY);
        row("peer: paced search, highest rate sustained (median of searches)", noOurs(), peers("maxrate", "max_no_drop_per_s"), null);
        row("peer: paced search, lowest rate not sustained", noOurs(), peers("maxrate", "max_no_drop_bracket_high"), null);
        row("peer: forceFlush every 1024 records (each of 2 producers every 512), delivered/s", noOurs(), peers("maxrate", "flush_paced_per_s"), null);
        row("peer: forceFlush-paced, lost", noOurs(), peers("maxrate", "flush_paced_lost"), null);
        row("delivered events/s in the " + burst + " as fast as it goes (the peer drops)", gen("burst", "delivered_per_s"),
                peers("burst", "delivered_per_s"), null);
        row("lost in the " + burst + ", 2 producers", gen("burst", "lost"), peers("burst", "lost"), Kind.ZERO);
        row("ours: batches sent again in the burst (failed sends)", gen("burst", "failed_sends"), noPeer(), null);
        row("emit calls/s, burst, 2 producers", gen("burst", "emit_calls_per_s"), peers("burst", "emit_calls_per_s"), null);

        // Emit latency.
        row("emit p50, steady (ns)", gen("steady", "emit_p50_ns"), peers("steady", "emit_p50_ns"), Kind.P50);
        row("emit p99, steady (ns)", gen("steady", "emit_p99_ns"), peers("steady", "emit_p99_ns"), Kind.P99);
        row("emit p99.9, steady (ns)", gen("steady", "emit_p999_ns"), peers("steady", "emit_p999_ns"), null);
        row("emit p50, burst (ns)", gen("burst", "emit_p50_ns"), peers("burst", "emit_p50_ns"), null);
        row("emit p99, burst (ns)", gen("burst", "emit_p99_ns"), peers("burst", "emit_p99_ns"), null);
        row("emit p99.9, burst (ns)", gen("burst", "emit_p999_ns"), peers("burst", "emit_p999_ns"), Kind.P999);
        row("allocation per typed emit (B, JMH -prof gc, " + method(EMIT_BENCHMARK) + ")", single(jmhAlloc(EMIT_BENCHMARK)), noPeer(), Kind.ALLOC);

        // Memory and GC in the burst, wire.
        // Where the CPU went. The peer's is taken where it delivers what it takes (forceFlush-paced), ours in the
        // burst, where nothing is lost either; each receiver is a JVM of its own, counted apart.
        row("CPU per event delivered, the sender's process (producers, pipeline or SDK, JIT, GC; ns): ours in the " + burst
                + ", the peer forceFlush-paced", gen("burst", "cpu_ns_per_event_process"), peers("maxrate", "flush_paced_cpu_ns_per_event_process"), null);
        row("CPU per event delivered, the receiver's process (ns), in the same runs", gen("burst", "receiver_cpu_ns_per_event"),
                peers("maxrate", "flush_paced_receiver_cpu_ns_per_event"), null);
        row("the JIT compilers' threads in those runs (% of all cores)", gen("burst", "jit_share_pct"), peers("maxrate", "flush_paced_jit_share_pct"), null);
        row("the GC's threads in those runs (% of all cores)", gen("burst", "gc_share_pct"), peers("maxrate", "flush_paced_gc_share_pct"), null);
        row("producers' CPU per emit call, burst (ns)", gen("burst", "cpu_ns_per_call_producers"), peers("burst", "cpu_ns_per_call_producers"), null);
        row("ours: the shipper thread's CPU, burst (ms)", gen("burst", "cpu_ms.rodent-events-shipper"), noPeer(), null);
        row("ours: the node's gRPC event loop and executor, burst (ms)", sum(gen("burst", "cpu_ms.rodent-events-grpc-io-"),
                gen("burst", "cpu_ms.rodent-events-grpc-exec-")), noPeer(), null);

        row("GC pause total, burst (ms)", gen("burst", "gc_pause_ms"), peers("burst", "gc_pause_ms"), Kind.GC);
        row("GC count, burst", gen("burst", "gc_count"), peers("burst", "gc_count"), null);
        row("RSS high-water (VmHWM), burst (MB)", gen("burst", "rss_hwm_mb"), peers("burst", "rss_hwm_mb"), Kind.RSS);
        row("anonymous RSS, peak sampled every 50 ms (RssAnon; without mapped spool pages), burst (MB)", gen("burst", "rss_anon_peak_mb"),
                peers("burst", "rss_anon_peak_mb"), null);
        row("peak heap after GC, burst (MB)", gen("burst", "peak_heap_after_gc_mb"), peers("burst", "peak_heap_after_gc_mb"), null);
        row("peak heap used, burst (MB, sampled 1 ms)", gen("burst", "peak_heap_used_mb"), peers("burst", "peak_heap_used_mb"), null);
        row("wire bytes/event (serialized batch ÷ events)", gen("burst", "wire_bytes_per_event"), peers("burst", "wire_bytes_per_event"),
                Kind.WIRE);
        row("spool bytes/event", gen("burst", "spool_bytes_per_event"), noPeer(), null);

        // Backlog.
        row(backlog + ", Toggle down: peak heap after GC (MB)", single(median("backlog", "peak_heap_after_gc_mb")), noPeer(), Kind.HEAP);
        row(backlog + ": heap after a full GC at the end (MB)", single(median("backlog", "heap_at_rest_mb")), noPeer(), null);
        row(backlog + ": peak heap used, sampled (MB)", single(median("backlog", "peak_heap_used_mb")), noPeer(), null);
        row(backlog + ": RSS high-water (MB)", single(median("backlog", "rss_hwm_mb")), noPeer(), null);
        row(backlog + ": accepted − pending in the spool", single(median("backlog", "lost")), noPeer(), Kind.ZERO);

        // The node as shipped: the shell's events:emit (one producer), then the load bundle's bench:emit (the typed service, as the burst).
        row("node as shipped (distribution, events:emit, 1 producer): delivered events/s", gen("shipped", "delivered_per_s"), noPeer(), null);
        row("node as shipped (events:emit, 1 producer): emit calls/s (events:emit's own figure)", gen("shipped", "emit_calls_per_s"), noPeer(),
                null);
        row("node as shipped (events:emit, 1 producer): delivered ÷ bare pipeline's " + burst,
                ratioOf(gen("shipped", "delivered_per_s"), gen("burst", "delivered_per_s")), noPeer(), null);
        row("node as shipped (bundle, 2 producers: bench:emit through StorageEvents): delivered events/s",
                gen("shipped", "bundle_delivered_per_s"), noPeer(), null);
        row("node as shipped (bundle, 2 producers): emit calls/s (bench:emit's own figure)", gen("shipped", "bundle_emit_calls_per_s"),
                noPeer(), null);
        row("node as shipped (bundle, 2 producers): delivered ÷ bare pipeline's " + burst,
                shareOf(gen("shipped", "bundle_delivered_per_s"), gen("burst", "delivered_per_s")), noPeer(), Kind.SHARE_OF_BURST);
        row("node as shipped: RSS high-water (MB)", gen("shipped", "rss_hwm_mb"), noPeer(), null);
        row("node as shipped: lost (the whole run, both loads)", gen("shipped", "lost"), noPeer(), null);

        out.append("\nRuns (median taken over): ").append(runs.isEmpty() ? "none"
                : runs.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue().size()).collect(Collectors.joining(", ")))
                .append(".\n");
        for (String peer : PEERS) {
            List<Properties> searches = runs.getOrDefault("peer-maxrate-" + peer, List.of());
            if (!searches.isEmpty()) {
                out.append("\nSearches of ").append(peerLabel(peer)).append(" (rate:outcome, in order): ")
                        .append(searches.stream().map(p -> p.getProperty("trials", "")).collect(Collectors.joining(" | "))).append('\n');
            }
        }
    }

    // The events of a scenario's runs as the table names them: "1M", "5M", or the number.
    private String size(String scenario) {
        double events = median(scenario, "events");
        if (Double.isNaN(events)) {
            return "?";
        }
        return events % 1_000_000 == 0 ? (long) events / 1_000_000 + "M" : String.format(Locale.ROOT, "%,.0f-event", events);
    }

    /** How a row's figures are held against a target. */
    private enum Kind { AT_LEAST_DELIVERY, ZERO, P50, P99, P999, ALLOC, GC, RSS, WIRE, HEAP, SHARE_OF_BURST }

    /** The share of the bare pipeline's delivery the node as shipped must keep (issue 14: within 10 %). */
    static final double SHIPPED_SHARE = 0.9;

    private double[] gen(String scenario, String key) {
        return GENERATIONS.stream().mapToDouble(generation -> median(scenario + "-" + generation, key)).toArray();
    }

    private double[] peers(String scenario, String key) {
        return PEERS.stream().mapToDouble(peer -> median("peer-" + scenario + "-" + peer, key)).toArray();
    }

    // Column by column; a figure missing in one part counts as none, missing in all stays missing.
    private static double[] sum(double[]... parts) {
        double[] total = new double[parts[0].length];
        for (int i = 0; i < total.length; i++) {
            double sum = 0;
            boolean any = false;
            for (double[] part : parts) {
                if (!Double.isNaN(part[i])) {
                    sum += part[i];
                    any = true;
                }
            }
            total[i] = any ? sum : Double.NaN;
        }
        return total;
    }

    private static double[] single(double value) {
        return new double[] {value, Double.NaN};
    }

    // No figure in our two columns.
    private static double[] noOurs() {
        return new double[] {Double.NaN, Double.NaN};
    }

    // No figure in the peer's four columns.
    private static double[] noPeer() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }

    private static double[] ratioOf(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double ratio = a[i] / b[i];
            ratios[i] = Double.isNaN(ratio) || Double.isInfinite(ratio) ? Double.NaN : Math.round(ratio * 100) / 100.0;
        }
        return ratios;
    }

    // As ratioOf, unrounded: the share is held against its bound as measured, and shown with two decimals.
    private static double[] shareOf(double[] a, double[] b) {
        double[] shares = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double share = a[i] / b[i];
            shares[i] = Double.isInfinite(share) ? Double.NaN : share;
        }
        return shares;
    }

    private double bestOf(double[] peers) {
        return best == null ? Double.NaN : peers[PEERS.indexOf(best)];
    }

    private void row(String label, double[] ours, double[] peers, Kind kind) {
        out.append("| ").append(label);
        for (double value : ours) {
            out.append(" | ").append(kind == Kind.SHARE_OF_BURST && !Double.isNaN(value) ? String.format(Locale.ROOT, "%.2f", value)
                    : format(value));
        }
        for (double value : peers) {
            out.append(" | ").append(format(value));
        }
        double peer = bestOf(peers);
        out.append(" | ").append(kind == Kind.ZERO ? "" : perGeneration(ours, value -> value / peer, "%.2f"));
        out.append(" | ").append(kind == null ? "" : target(kind)).append(" | ").append(kind == null ? "" : met(kind, ours, peer)).append(" |\n");
    }

    private static String target(Kind kind) {
        return switch (kind) {
            case AT_LEAST_DELIVERY -> "≥ 2× best peer and ≥ 300,000/s";
            case ZERO -> "0";
            case P50 -> "≤ 1.5× best peer's";
            case P99 -> "≤ 5,000 ns";
            case P999 -> "≤ 50,000 ns";
            case ALLOC -> "≤ 100 B";
            case GC -> "≤ 2× best peer's";
            case RSS -> "≤ 1.2× best peer's";
            case WIRE -> "≤ best peer's";
            case HEAP -> "≤ 16 MB";
            case SHARE_OF_BURST -> "≥ " + SHIPPED_SHARE;
        };
    }

    // "yes (0.80× the bound)" or "**no** (2.31× the bound)", per generation where both ran.
    private String met(Kind kind, double[] ours, double peer) {
        return perGenerationText(ours, value -> switch (kind) {
            case AT_LEAST_DELIVERY -> {
                double ofPeer = value / (2 * peer);
                double ofFloor = value / 300_000;
                yield verdict(ofPeer >= 1 && ofFloor >= 1, String.format(Locale.ROOT, "%.2f× of 2× peer, %.2f× of 300,000", ofPeer, ofFloor));
            }
            case ZERO -> verdict(value == 0, value == 0 ? "0" : format(value) + " lost");
            case P50 -> atMost(value, 1.5 * peer);
            case P99 -> atMost(value, 5_000);
            case P999 -> atMost(value, 50_000);
            case ALLOC -> atMost(value, 100);
            case GC -> atMost(value, 2 * peer);
            case RSS -> atMost(value, 1.2 * peer);
            case WIRE -> atMost(value, peer);
            case HEAP -> atMost(value, 16);
            case SHARE_OF_BURST -> verdict(value >= SHIPPED_SHARE, String.format(Locale.ROOT, "%.2f× the bound", value / SHIPPED_SHARE));
        });
    }

    private static String atMost(double value, double bound) {
        if (Double.isNaN(bound)) {
            return "no peer figure";
        }
        if (bound == 0) {
            return verdict(value == 0, "the bound is 0");
        }
        return verdict(value <= bound, String.format(Locale.ROOT, "%.2f× the bound", value / bound));
    }

    private static String verdict(boolean met, String howMuch) {
        return (met ? "yes" : "**no**") + " (" + howMuch + ")";
    }

    private static String perGeneration(double[] ours, DoubleUnaryOperator ratio, String pattern) {
        return perGenerationText(ours, value -> {
            double r = ratio.applyAsDouble(value);
            return Double.isNaN(r) || Double.isInfinite(r) ? "" : String.format(Locale.ROOT, pattern, r);
        });
    }

    private interface Text {
        String of(double value);
    }

    // One generation's text, or "2025-09: …; 2025-12: …" when both have a figure.
    private static String perGenerationText(double[] ours, Text text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ours.length; i++) {
            if (!Double.isNaN(ours[i])) {
                String part = text.of(ours[i]);
                if (!part.isEmpty()) {
                    parts.add(ours.length > 1 && !Double.isNaN(ours[1 - i]) ? GENERATIONS.get(i) + ": " + part : part);
                }
            }
        }
        return String.join("; ", parts);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
    }

    // JMH's CSV: a row per benchmark, and with -prof gc rows "benchmark:gc.alloc.rate.norm" (B/op) beside it.
    private void loadJmh(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = Arrays.stream(line.split(",")).map(s -> s.replace("\"", "")).toArray(String[]::new);
            if (f.length < 7) {
                continue;
            }
            // "package.Class.benchmark", or "package.Class.benchmark:gc.alloc.rate.norm" (before JMH 1.35 "·gc…").
            String[] parts = f[0].split("[:·]", 2);
            String name = parts[0].replaceFirst(".*\\.(?=[^.]+\\.[^.]+$)", "");
            if (parts.length == 2) {
                jmh.put(name + ":" + parts[1], new double[] {Double.parseDouble(f[4]), parse(f[5])});
            } else {
                jmhRows.add(new String[] {name, f[1], f[2], f[4], f[5], f[6]});
            }
        }
    }

    private static double parse(String number) {
        return number.equals("NaN") ? Double.NaN : Double.parseDouble(number);
    }

    // "typedEmitIntoSpool" of "PipelineBenchmarks.typedEmitIntoSpool".
    private static String method(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    // The method's name, or class and method where another class has a benchmark of the same name.
    private String label(String benchmark) {
        String method = method(benchmark);
        long alike = jmhRows.stream().filter(row -> method(row[0]).equals(method)).count();
        return alike > 1 ? benchmark : method;
    }

    private double jmhAlloc(String benchmark) {
        double[] alloc = jmh.get(benchmark + ":gc.alloc.rate.norm");
        return alloc == null ? Double.NaN : Math.round(alloc[0] * 10) / 10.0;
    }

    private void jmhTable() {
        if (jmhRows.isEmpty()) {
            return;
        }
        out.append("\n| JMH benchmark | mode | threads | score | error (99.9 %) | unit | allocated (B/op, -prof gc) |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String[] f : jmhRows) {
            double error = parse(f[4]);
            out.append("| ").append(label(f[0])).append(" | ").append(f[1]).append(" | ").append(f[2])
                    .append(" | ").append(format(Math.round(Double.parseDouble(f[3]) * 10) / 10.0)).append(" | ")
                    .append(Double.isNaN(error) ? "" : format(Math.round(error * 10) / 10.0)).append(" | ").append(f[5])
                    .append(" | ").append(format(jmhAlloc(f[0]))).append(" |\n");
        }
    }

    // Each limit as a rate: events per second on one core (a batch's op divided by its 500 events), or writes per second.
    private void limitsTable() {
        Map<String, String[]> scores = new LinkedHashMap<>();
        for (String[] row : jmhRows) {
            if (row[0].startsWith("LimitBenchmarks.") && row[5].equals("ns/op")) {
                scores.put(method(row[0]), row);
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        out.append("\nLimits per core on this machine (LimitBenchmarks; one thread each, gRPC's threads aside)\n\n")
                .append("| limit | benchmark | ns/op | rate | unit |\n| --- | --- | --- | --- | --- |\n");
        for (Limit limit : LIMITS) {
            String[] row = scores.get(limit.benchmark());
            double nanos = row == null ? Double.NaN : Double.parseDouble(row[3]);
            double rate = 1e9 / nanos * limit.perOp();
            out.append("| ").append(limit.limit()).append(" | ").append(limit.benchmark()).append(" | ")
                    .append(format(Double.isNaN(nanos) ? nanos : Math.round(nanos * 10) / 10.0)).append(" | ")
                    .append(format(Double.isNaN(rate) ? rate : Math.round(rate))).append(" | ")
                    .append(limit.unit()).append(" |\n");
        }
        String[] copy = scores.get("memcpyBatch");
        if (copy != null) {
            out.append(String.format(Locale.ROOT, "%nmemcpy: %.1f GB/s on one core.%n", LimitBenchmarks.BATCH_BYTES / Double.parseDouble(copy[3])));
        }
    }
}
