package io.stratastor.rodent.events.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the harness's figures (one properties file per scenario and run) and JMH's CSV, and prints
 * the Markdown table of issue 6: medians of every run, ours against the peer, ratios and targets.
 * <pre>java -cp benchmarks.jar io.stratastor.rodent.events.bench.Report HARNESS_DIR [JMH_CSV]</pre>
 */
public final class Report {
    private final Map<String, List<Properties>> runs = new TreeMap<>();
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws IOException {
        Report report = new Report();
        report.load(Path.of(args[0]));
        report.harness();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            report.jmh(Path.of(args[1]));
        }
        System.out.print(report.out);
    }

    private void load(Path dir) throws IOException {
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

    private int count(String scenario) {
        return runs.getOrDefault(scenario, List.of()).size();
    }

    private void harness() {
        out.append("| measure | ours | peer (BLRP default) | peer (BLRP tuned) | ours ÷ peer | target | met |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        double p50 = median("steady", "emit_p50_ns");
        double peerP50 = Math.min(median("peer-steady", "emit_p50_ns"), median("peer-steady-tuned", "emit_p50_ns"));
        row("emit p50, steady (ns)", "steady", "peer-steady", "emit_p50_ns", p50 / peerP50, "≤ 1.5× peer's", p50 <= 1.5 * peerP50);
        double p99 = median("steady", "emit_p99_ns");
        row("emit p99, steady (ns)", "steady", "peer-steady", "emit_p99_ns", p99 / Math.min(median("peer-steady", "emit_p99_ns"),
                median("peer-steady-tuned", "emit_p99_ns")), "≤ 5000 ns", p99 <= 5000);
        row("emit p99.9, steady (ns)", "steady", "peer-steady", "emit_p999_ns", Double.NaN, "", null);
        row("emit p50, burst (ns)", "burst", "peer-burst", "emit_p50_ns", Double.NaN, "", null);
        row("emit p99, burst (ns)", "burst", "peer-burst", "emit_p99_ns", Double.NaN, "", null);
        row("emit p99.9, burst (ns)", "burst", "peer-burst", "emit_p999_ns", Double.NaN, "", null);
        row("emit calls/s, burst, 2 producers", "burst", "peer-burst", "emit_calls_per_s", Double.NaN, "", null);
        double delivered = median("burst", "delivered_per_s");
        row("delivered events/s, 1M burst", "burst", "peer-burst", "delivered_per_s", Double.NaN, "≥ 250 000/s", delivered >= 250_000);
        double peerMax = Math.max(nz(median("peer-maxrate", "max_no_drop_per_s")), nz(median("peer-maxrate-tuned", "max_no_drop_per_s")));
        row("highest rate without drops (events/s)", "burst", "peer-maxrate", "max_no_drop_per_s", delivered / peerMax,
                "ours (delivered) ≥ 3× peer's", delivered >= 3 * peerMax, "delivered_per_s");
        row("lost in the 1M burst (accepted − delivered)", "burst", "peer-burst", "lost", Double.NaN, "0", median("burst", "lost") == 0);
        double wire = median("burst", "wire_bytes_per_event");
        double peerWire = Math.min(median("peer-burst", "wire_bytes_per_event"), median("peer-burst-tuned", "wire_bytes_per_event"));
        row("wire bytes/event (serialized batch ÷ events)", "burst", "peer-burst", "wire_bytes_per_event", wire / peerWire, "≤ peer's", wire <= peerWire);
        row("spool bytes/event", "burst", "none", "spool_bytes_per_event", Double.NaN, "", null);
        row("peak heap used, burst (MB, sampled 1 ms)", "burst", "peer-burst", "peak_heap_used_mb", Double.NaN, "", null);
        row("peak heap after GC, burst (MB)", "burst", "peer-burst", "peak_heap_after_gc_mb", Double.NaN, "", null);
        row("RSS high-water, burst (MB)", "burst", "peer-burst", "rss_hwm_mb", Double.NaN, "", null);
        row("GC count, burst", "burst", "peer-burst", "gc_count", Double.NaN, "", null);
        row("GC pause total, burst (ms)", "burst", "peer-burst", "gc_pause_ms", Double.NaN, "", null);
        double backlogHeap = median("backlog", "peak_heap_after_gc_mb");
        row("5M backlog, Toggle down: peak heap after GC (MB)", "backlog", "none", "peak_heap_after_gc_mb", Double.NaN, "≤ 64 MB", backlogHeap <= 64);
        row("5M backlog: peak heap used, sampled (MB)", "backlog", "none", "peak_heap_used_mb", Double.NaN, "", null);
        row("5M backlog: heap after full GC at the end (MB)", "backlog", "none", "heap_at_rest_mb", Double.NaN, "≤ 64 MB",
                median("backlog", "heap_at_rest_mb") <= 64);
        row("5M backlog: RSS high-water (MB)", "backlog", "none", "rss_hwm_mb", Double.NaN, "", null);
        row("5M backlog: events pending in the spool", "backlog", "none", "pending_in_spool", Double.NaN, "= accepted",
                median("backlog", "lost") == 0);
        row("5M backlog: spool bytes/event", "backlog", "none", "spool_bytes_per_event", Double.NaN, "", null);
        out.append("\nRuns (median taken over): ");
        runs.forEach((scenario, list) -> out.append(scenario).append(" ×").append(list.size()).append(", "));
        out.setLength(out.length() - 2);
        out.append(". Peer's max-rate trials: ").append(trials("peer-maxrate")).append("; tuned: ").append(trials("peer-maxrate-tuned"))
                .append(".\n");
    }

    private String trials(String scenario) {
        return runs.getOrDefault(scenario, List.of()).stream().map(p -> p.getProperty("trials", "")).reduce((a, b) -> a + " | " + b).orElse("not run");
    }

    private static double nz(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private void row(String label, String ours, String peer, String key, double ratio, String target, Boolean met) {
        row(label, ours, peer, key, ratio, target, met, key);
    }

    private void row(String label, String ours, String peer, String key, double ratio, String target, Boolean met, String oursKey) {
        out.append("| ").append(label).append(" | ").append(format(median(ours, oursKey)))
                .append(" | ").append(format(median(peer, key))).append(" | ").append(format(median(peer + "-tuned", key)))
                .append(" | ").append(Double.isNaN(ratio) || Double.isInfinite(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio))
                .append(" | ").append(target).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
    }

    private void jmh(Path csv) throws IOException {
        out.append("\n| JMH benchmark | mode | threads | score | error (99.9 %) | unit |\n| --- | --- | --- | --- | --- | --- |\n");
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = Arrays.stream(line.split(",")).map(s -> s.replace("\"", "")).toArray(String[]::new);
            if (f.length < 7) {
                continue;
            }
            out.append("| ").append(f[0].replaceFirst(".*\\.", "")).append(" | ").append(f[1]).append(" | ").append(f[2])
                    .append(" | ").append(format(Math.round(Double.parseDouble(f[4]) * 10) / 10.0)).append(" | ")
                    .append(f[5].equals("NaN") ? "" : format(Math.round(Double.parseDouble(f[5]) * 10) / 10.0)).append(" | ").append(f[6]).append(" |\n");
        }
    }
}
