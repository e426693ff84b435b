package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The node as shipped: a copy of the built distribution ({@code bin/rodent-events}, Felix, every
 * bundle, the config bundle reading rodent.yml), run with {@code --script} against a counting
 * reference Toggle in this JVM. The script emits the fixture event through the shell's
 * {@code events:emit} (one producer: the command's thread), {@value #WARM_UP} times to warm up,
 * then {@code events} times, then flushes. Delivered/s is timed at the Toggle, from the moment the
 * warm-up's events have arrived to the moment the measured ones have; the emit rate is the one the
 * command prints. Not thread-safe: one run at a time.
 */
final class ShippedNode {
    static final int WARM_UP = 20_000;
    private static final Pattern EMITTED = Pattern.compile("emitted (\\d+) \\S+ \\(storage, warn\\) in [0-9.]+ s, (\\d+)/s");
    private static final Pattern NODE_EVENTS = Pattern.compile("(?m)^node_events +(\\d+)$");

    private ShippedNode() {
    }

    static void run(Path distribution, long events, String schema, Path parent, Map<String, Object> results) throws Exception {
        Path launcher = distribution.resolve("bin").resolve("rodent-events");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(launcher + " is missing: build the distribution (mvn -pl distribution -am package -DskipTests)");
        }
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent.toAbsolutePath(), "shipped-");
        try (ToggleSink sink = ToggleSink.builder().port(0).noAuth().retainEvents(false).counting().build().start()) {
            Path home = copy(distribution, work.resolve("node"));
            Path config = Files.writeString(work.resolve("rodent.yml"), String.join("\n",
                    "events:",
                    "  profile: high-throughput",
                    "  batch_size: 500",
                    "  batch_timeout: 0.2",
                    "  retry_backoff_base: 0.05",
                    "  retry_backoff_max: 0.5",
                    "  spool_directory: \"" + work.resolve("spool") + "\"",
                    "toggle:",
                    "  address: \"127.0.0.1:" + sink.port() + "\"",
                    "  jwt: \"bench\"",
                    "  schema: \"" + schema + "\"",
                    ""));
            Path script = Files.writeString(work.resolve("load.gogo"), String.join("\n",
                    Fixtures.emitCommand(WARM_UP),
                    Fixtures.emitCommand(events),
                    "events:flush --timeout 300",
                    "events:stats",
                    ""));
            Path log = work.resolve("node-output.txt");
            ProcessBuilder command = new ProcessBuilder("bash", home.resolve("bin").resolve("rodent-events").toString(),
                    "--config", config.toString(), "--script", script.toString(), "--log-level", "warn")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            command.environment().put("JAVA_OPTS", "-Xmx1g");
            long[] arrivals = new long[2];
            Thread timer = new Thread(() -> {
                if (sink.awaitReceived(WARM_UP, Duration.ofMinutes(5))) {
                    arrivals[0] = System.nanoTime();
                    if (sink.awaitReceived(WARM_UP + events, Duration.ofMinutes(10))) {
                        arrivals[1] = System.nanoTime();
                    }
                }
            }, "bench-shipped-timer");
            timer.setDaemon(true);
            timer.start();
            Process node = command.start();
            AtomicLong rssKb = new AtomicLong(-1);
            Thread rss = new Thread(() -> {
                while (node.isAlive()) {
                    rssKb.accumulateAndGet(ProcessStats.rssHighWaterKb(Path.of("/proc", Long.toString(node.pid()), "status")), Math::max);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }, "bench-shipped-rss");
            rss.setDaemon(true);
            rss.start();
            boolean exited = node.waitFor(15, TimeUnit.MINUTES);
            if (!exited) {
                node.destroy();
            }
            timer.join(TimeUnit.SECONDS.toMillis(5));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            results.put("schema", schema);
            results.put("receiver", "count");
            results.put("producers", 1);
            results.put("accepted", events);
            results.put("exit", exited ? node.exitValue() : -1);
            long received = sink.counts().received();
            Matcher nodeEvents = NODE_EVENTS.matcher(output);
            long own = nodeEvents.find() ? Long.parseLong(nodeEvents.group(1)) : 0;
            results.put("node_events", own);
            results.put("delivered", received);
            // The node's own events (startup, config) reach the same Toggle; system.shutdown may follow the stats line.
            results.put("lost", Math.max(0, WARM_UP + events + own - received));
            results.put("delivered_per_s", arrivals[1] == 0 ? -1 : Math.round(events * 1e9 / (arrivals[1] - arrivals[0])));
            List<Long> emitRates = EMITTED.matcher(output).results().map(match -> Long.parseLong(match.group(2))).toList();
            results.put("emit_calls_per_s", emitRates.size() == 2 ? emitRates.get(1) : -1);
            results.put("rss_hwm_mb", rssKb.get() / 1024);
            if (!exited || node.exitValue() != 0 || arrivals[1] == 0) {
                System.err.println(output);
                throw new IllegalStateException("the node did not deliver the run (exit " + results.get("exit") + "); its output is above");
            }
        } finally {
            BenchNode.delete(work);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            // data/ is a node's own (logs, Felix's cache), left out should the distribution have been run in place.
            for (Path source : files.filter(file -> !from.relativize(file).startsWith("data")).collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
