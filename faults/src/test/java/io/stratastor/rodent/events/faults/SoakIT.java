package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A steady stream for minutes (an hour with {@code -Psoak}) while Toggle goes down and comes back
 * once a period and the configuration changes: the node's heap after GC, threads, file
 * descriptors, mapped segments and spool stay flat, and every event arrives. Everything runs on
 * one scheduler thread, so Toggle's restarts, the emits and the samples never race.
 */
class SoakIT {
    private static final String TOKEN = "faults-token";
    private static final long MINUTES = Long.getLong("faults.soak.minutes", 2);
    private static final long PERIOD_SECONDS = Long.getLong("faults.soak.period.seconds", 30);
    private static final long OUTAGE_SECONDS = Math.max(1, PERIOD_SECONDS / 6);
    private static final int EVENTS_PER_TICK = 20;
    private static final long TICK_MILLIS = 50;
    private static final long SAMPLE_SECONDS = 5;
    private static final long SEGMENT = 1 << 20;
    // Mostly INFO, as on a node; DEBUG is filtered out by the default enabled_levels.
    private static final Level[] LEVELS = {Level.INFO, Level.INFO, Level.INFO, Level.WARN, Level.ERROR, Level.CRITICAL,
            Level.ESSENTIAL, Level.DEBUG};

    @TempDir
    Path dir;
    private final BitSet delivered = new BitSet();
    private final BitSet expected = new BitSet();
    private final List<ResourceSample> samples = new ArrayList<>();
    private Path spool;
    private Node node;
    private ToggleSink sink;
    private int port;
    private long offered;
    private long started;
    private int changes;

    @Test
    void aLongSteadyStreamThroughOutagesAndConfigurationChangesHoldsItsResourcesFlatAndLosesNothing() throws Exception {
        spool = Files.createDirectories(dir.resolve("spool"));
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).build().start();
        port = sink.port();
        node = Node.start(settings(false));
        started = System.nanoTime();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch finished = new CountDownLatch(1);
        try {
            schedule.scheduleAtFixedRate(this::emitTick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            schedule.scheduleAtFixedRate(unchecked(this::sample), SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
            schedule.scheduleAtFixedRate(unchecked(this::toggleDown), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
            schedule.scheduleAtFixedRate(unchecked(this::toggleUp), PERIOD_SECONDS + OUTAGE_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
            schedule.scheduleAtFixedRate(this::changeConfiguration, PERIOD_SECONDS / 2, PERIOD_SECONDS, TimeUnit.SECONDS);
            schedule.schedule(finished::countDown, MINUTES, TimeUnit.MINUTES);
            assertThat(finished.await(MINUTES + 5, TimeUnit.MINUTES)).isTrue();
        } finally {
            schedule.shutdownNow();
            assertThat(schedule.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        try {
            if (sink == null) {
                toggleUp();
            }
            assertThat(node.flush(Duration.ofMinutes(2))).isTrue();
            collect();
            sample();
            assertThat(node.stat("emitted")).as("accepted").isEqualTo(expected.cardinality());
            assertThat(node.stat("filtered")).as("DEBUG, filtered").isEqualTo(offered - expected.cardinality());
            BitSet missing = (BitSet) expected.clone();
            missing.andNot(delivered);
            assertThat(missing.cardinality()).as("accepted events not delivered, the first at %d", missing.nextSetBit(0)).isZero();
            report();
            assertFlat();
        } finally {
            node.close();
            sink.close();
        }
    }

    private SettingsBuilder settings(boolean changed) {
        SettingsBuilder settings = Node.baseSettings(spool).maxFileSize(SEGMENT).spoolCapacity(256L << 20);
        return Node.toToggle(changed ? settings.batchSize(500).toggleCompression("gzip") : settings, port, TOKEN);
    }

    private void emitTick() {
        for (int i = 0; i < EVENTS_PER_TICK; i++) {
            offered++;
            Level level = LEVELS[(int) (offered % LEVELS.length)];
            node.emit(offered, level);
            if (level != Level.DEBUG) {
                expected.set((int) offered);
            }
        }
    }

    private void changeConfiguration() {
        node.reconfigure(settings(++changes % 2 == 1));
    }

    // Toggle down for real: its port closed. What it received, and so acknowledged, is kept by sequence number.
    private void toggleDown() {
        sink.close();
        collect();
        sink = null;
    }

    private void toggleUp() throws IOException {
        if (sink == null) {
            sink = ToggleSink.builder().port(port).exactToken(TOKEN).build().start();
        }
    }

    private void collect() {
        for (long seq : Received.sequences(sink)) {
            delivered.set((int) seq);
        }
    }

    // A collection first, so that the heap and the mapped buffers are what is live, not what waits for the collector.
    private void sample() throws IOException {
        System.gc();
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        samples.add(ResourceSample.take(second, spool, node.stat("spool_segments"), delivered.cardinality()));
    }

    // The second half of the run holds no more than the first: the node's use does not grow with time.
    private void assertFlat() {
        List<ResourceSample> first = samples.subList(0, samples.size() / 2);
        List<ResourceSample> second = samples.subList(samples.size() / 2, samples.size());
        assertThat(max(second, ResourceSample::threads)).as("threads").isLessThanOrEqualTo(max(first, ResourceSample::threads) + 4);
        assertThat(max(second, ResourceSample::fileDescriptors)).as("file descriptors")
                .isLessThanOrEqualTo(max(first, ResourceSample::fileDescriptors) + 8);
        assertThat(max(second, ResourceSample::mappedBuffers)).as("mapped segments")
                .isLessThanOrEqualTo(max(first, ResourceSample::mappedBuffers) + 4);
        assertThat(max(second, ResourceSample::heapAfterGcBytes)).as("heap after GC")
                .isLessThanOrEqualTo(2 * max(first, ResourceSample::heapAfterGcBytes) + (16 << 20));
        assertThat(samples.get(samples.size() - 1).spoolBytes()).as("spool bytes once drained").isLessThanOrEqualTo(3 * SEGMENT);
    }

    private static long max(List<ResourceSample> samples, ToLongFunction<ResourceSample> figure) {
        return samples.stream().mapToLong(figure).max().orElseThrow();
    }

    private void report() throws IOException {
        ScenarioReport summary = new ScenarioReport("soak").put("minutes", MINUTES).put("period_s", PERIOD_SECONDS)
                .put("outage_s", OUTAGE_SECONDS).put("rate_per_s", EVENTS_PER_TICK * 1000 / TICK_MILLIS).put("offered", offered)
                .put("accepted", expected.cardinality()).put("delivered_unique", delivered.cardinality())
                .put("lost", expected.cardinality() - delivered.cardinality())
                .put("configuration_changes", changes).put("samples", samples.size());
        summary.write();
        Path dir = Path.of(System.getProperty("faults.report.dir", "target/reliability"));
        Files.write(dir.resolve("soak-samples.txt"), samples.stream().map(ResourceSample::line).toList());
    }

    private interface Step {
        void run() throws IOException;
    }

    // A scheduled step that fails ends the run: the failure is the test's, not swallowed by the scheduler.
    private static Runnable unchecked(Step step) {
        return () -> {
            try {
                step.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
