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
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The node as shipped: a copy of the built distribution ({@code bin/rodent-events}, Felix, every
 * bundle, the config bundle reading rodent.yml) with the load bundle ({@code bench/load-bundle},
 * command {@code bench:emit}) added to its {@code bundle/} folder, run with {@code --script}
 * against a counting reference Toggle in this JVM. One node JVM runs two loads of the fixture event
 * in turn, each {@value #WARM_UP} times to warm up and then {@code events} times: first the shell's
 * {@code events:emit --count} (one producer: the command's thread), then {@code bench:emit
 * --threads} {@value #BUNDLE_PRODUCERS} (the typed {@code StorageEvents} service called from a
 * bundle, as the bare pipeline's burst calls it); then it flushes. Each load's delivered/s is timed
 * at the Toggle, from the arrival of its first measured event to the arrival of its last; its emit
 * rate is the one its command prints. A counting Toggle cannot tell the loads' events apart, so
 * {@code lost} is the whole run's. Not thread-safe: one run at a time.
 */
final class ShippedNode {
    static final int WARM_UP = 20_000;
    static final int BUNDLE_PRODUCERS = 2;
    /** Where {@code mvn -pl bench/load-bundle package} leaves the load bundle, from the checkout's root. */
    static final String DEFAULT_BUNDLE = "bench/load-bundle/target/rodent-events-bench-load.jar";
    private static final Pattern EMITTED = Pattern.compile("emitted (\\d+) \\S+ \\(storage, warn\\) in [0-9.]+ s, (\\d+)/s");
    private static final Pattern BUNDLE_EMITTED = Pattern.compile("emitted (\\d+) \\S+ from (\\d+) threads in [0-9.]+ s, (\\d+)/s");
    private static final Pattern NODE_EVENTS = Pattern.compile("(?m)^node_events +(\\d+)$");

    private ShippedNode() {
    }

    static void run(Path distribution, Path bundle, long events, String schema, Path parent, Map<String, Object> results)
            throws Exception {
        Path launcher = distribution.resolve("bin").resolve("rodent-events");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(launcher + " is missing: build the distribution (mvn -pl distribution -am package -DskipTests)");
        }
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalStateException(bundle + " is missing: build the load bundle (mvn -pl bench/load-bundle -am package"
                    + " -DskipTests) or name it with --bundle");
        }
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent.toAbsolutePath(), "shipped-");
        try (ToggleSink sink = ToggleSink.builder().port(0).noAuth().retainEvents(false).counting().build().start()) {
            Path home = copy(distribution, work.resolve("node"));
            // The launcher installs and starts every jar of bundle/: the load bundle is one more.
            Files.copy(bundle, home.resolve("bundle").resolve(bundle.getFileName()));
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
                    bundleCommand(WARM_UP),
                    bundleCommand(events),
                    "events:flush --timeout 300",
                    "events:stats",
                    ""));
            Path log = work.resolve("node-output.txt");
            ProcessBuilder command = new ProcessBuilder("bash", home.resolve("bin").resolve("rodent-events").toString(),
                    "--config", config.toString(), "--script", script.toString(), "--log-level", "warn")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            command.environment().put("JAVA_OPTS", "-Xmx1g");
            // Each load's first and last measured event, in the order the script sends them.
            long shellDone = WARM_UP + events;
            ArrivalTimes arrivals = ArrivalTimes.watch(sink, Duration.ofMinutes(10),
                    WARM_UP + 1, shellDone, shellDone + WARM_UP + 1, shellDone + WARM_UP + events);
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
            arrivals.join(Duration.ofSeconds(5));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            results.put("schema", schema);
            results.put("receiver", "count");
            results.put("warm_up", WARM_UP);
            results.put("exit", exited ? node.exitValue() : -1);
            long received = sink.counts().received();
            Matcher nodeEvents = NODE_EVENTS.matcher(output);
            long own = nodeEvents.find() ? Long.parseLong(nodeEvents.group(1)) : 0;
            results.put("node_events", own);
            results.put("delivered", received);
            // The node's own events (startup, config) reach the same Toggle; system.shutdown may follow the stats line.
            results.put("lost", Math.max(0, 2L * (WARM_UP + events) + own - received));

            // events:emit, one producer; the keys the harness has always written.
            List<MatchResult> shell = EMITTED.matcher(output).results().toList();
            results.put("producers", 1);
            results.put("accepted", shell.size() == 2 ? Long.parseLong(shell.get(1).group(1)) : -1);
            results.put("delivered_per_s", arrivals.ratePerSecond(0, 1, events));
            results.put("emit_calls_per_s", shell.size() == 2 ? Long.parseLong(shell.get(1).group(2)) : -1);

            // bench:emit, the typed service from a bundle.
            List<MatchResult> typed = BUNDLE_EMITTED.matcher(output).results().toList();
            results.put("bundle_producers", typed.size() == 2 ? Integer.parseInt(typed.get(1).group(2)) : -1);
            results.put("bundle_accepted", typed.size() == 2 ? Long.parseLong(typed.get(1).group(1)) : -1);
            results.put("bundle_delivered_per_s", arrivals.ratePerSecond(2, 3, events));
            results.put("bundle_emit_calls_per_s", typed.size() == 2 ? Long.parseLong(typed.get(1).group(3)) : -1);
            results.put("rss_hwm_mb", rssKb.get() / 1024);
            if (!exited || node.exitValue() != 0 || !arrivals.allArrived() || shell.size() != 2 || typed.size() != 2) {
                System.err.println(output);
                throw new IllegalStateException("the node did not deliver the run (exit " + results.get("exit") + "); its output is above");
            }
        } finally {
            BenchNode.delete(work);
        }
    }

    /** The load bundle's command: the fixture event {@code count} times, from {@value #BUNDLE_PRODUCERS} threads. */
    static String bundleCommand(long count) {
        return "bench:emit --threads " + BUNDLE_PRODUCERS + " --count " + count;
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
