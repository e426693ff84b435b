package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Faults against the pipeline with its durable spool: nothing accepted is lost, and every loss path is counted. */
class ReliabilityIT {
    private static final String TOKEN = "faults-token";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path spoolDir;
    private ToggleSink sink;
    private Node node;

    private ToggleSink toggle() throws IOException {
        return toggle("2025-09");
    }

    private ToggleSink toggle(String schema) throws IOException {
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).schema(schema).build().start();
        return sink;
    }

    // The report of a scenario run in a generation other than the default carries it in its name.
    private static String report(String name, String schema) {
        return schema.equals("2025-09") ? name : name + "-" + schema;
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void toggleDownDuringSteadyEmissionLosesNothing() throws Exception {
        Duration outage = Duration.ofSeconds(Long.getLong("faults.outage.seconds", 5));
        long total = Long.getLong("faults.load.events", 20_000);
        toggle();
        node = Node.start(Node.toToggle(Node.baseSettings(spoolDir), sink.port(), TOKEN));
        AtomicLong emitted = new AtomicLong();
        Thread emitter = new Thread(() -> {
            // Paced so that emission spans the outage: about a third before, during and after it.
            long pauseNanos = outage.toNanos() * 3 / total;
            for (long seq = 1; seq <= total; seq++) {
                node.emit(seq, Level.INFO);
                emitted.set(seq);
                java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
            }
        }, "fault-suite-emitter");
        emitter.start();

        await().atMost(PATIENCE).until(() -> emitted.get() >= total / 4);
        sink.faults().down(true);
        long downAt = System.nanoTime();
        await().atMost(PATIENCE).until(() -> System.nanoTime() - downAt >= outage.toNanos() && emitted.get() > total / 4);
        long failedWhileDown = node.stat("failed_sends");
        sink.faults().down(false);
        emitter.join(PATIENCE.toMillis());

        assertThat(node.flush(PATIENCE)).isTrue();
        Set<Long> received = Received.sequences(sink);
        assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().collect(Collectors.toList()));
        assertThat(failedWhileDown).as("sends failed while Toggle was down").isPositive();
        assertThat(node.stat("dropped")).isZero();
        new ScenarioReport("toggle-down").put("outage_s", outage.getSeconds()).put("accepted", node.stat("emitted"))
                .put("delivered_unique", received.size()).put("duplicates", sink.counts().duplicates())
                .put("lost", total - received.size()).put("failed_sends", node.stat("failed_sends")).write();
    }

    @ParameterizedTest(name = "schema {0}")
    @ValueSource(strings = {"2025-09", "2025-12"})
    void corruptTailAndSegmentDeliverTheIntactRecords(String schema) throws Exception {
        int total = 3_000;
        node = Node.start(Node.baseSettings(spoolDir).maxFileSize(65_536));
        for (long seq = 1; seq <= total; seq++) {
            node.emit(seq, Level.INFO);
        }
        node.close();
        node = null;
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(2);
        damage(segments.get(1), 1_000, 64);
        truncateDataTail(segments.get(segments.size() - 1), 37);

        toggle(schema);
        node = Node.start(Node.toToggle(Node.baseSettings(spoolDir).maxFileSize(65_536), sink.port(), TOKEN, schema));
        assertThat(node.flush(PATIENCE)).isTrue();

        Set<Long> received = Received.sequences(sink);
        long quarantined = node.stat("quarantined_records");
        assertThat(quarantined).isPositive();
        assertThat(received).allMatch(seq -> seq >= 1 && seq <= total);
        assertThat(received.size()).isBetween(total - 50, total - 1);
        assertThat(Files.list(spoolDir.resolve("quarantine")).count()).isPositive();
        new ScenarioReport(report("corrupt-tail", schema)).put("accepted", total).put("delivered_unique", received.size())
                .put("duplicates", sink.counts().duplicates()).put("lost_to_damage", total - received.size())
                .put("quarantined_records", quarantined).put("quarantined_bytes", node.stat("quarantined_bytes")).write();
    }

    @Test
    void fullSpoolRefusesInfoBeforeCriticalCountsItAndStaysAlive() throws Exception {
        node = Node.start(Node.baseSettings(spoolDir).maxFileSize(65_536).spoolCapacity(4 * 65_536));
        long seq = 0;
        while (node.stat("dropped_info") == 0) {
            node.emit(++seq, Level.INFO);
        }
        long acceptedInfo = node.stat("emitted");
        for (int i = 0; i < 50; i++) {
            node.emit(++seq, Level.CRITICAL);
        }
        assertThat(node.stat("dropped_critical")).isZero();
        assertThat(node.stat("emitted")).isEqualTo(acceptedInfo + 50);

        toggle();
        node.reconfigure(Node.toToggle(Node.baseSettings(spoolDir).maxFileSize(65_536).spoolCapacity(4 * 65_536), sink.port(), TOKEN));
        assertThat(node.flush(PATIENCE)).isTrue();

        assertThat((long) Received.sequences(sink).size()).isEqualTo(node.stat("emitted"));
        new ScenarioReport("spool-full").put("offered", seq).put("accepted", node.stat("emitted"))
                .put("dropped_info", node.stat("dropped_info")).put("dropped_critical", node.stat("dropped_critical"))
                .put("delivered_unique", Received.sequences(sink).size()).put("lost", 0).write();
    }

    @Test
    void wrongTokenHoldsEverythingUntilTheTokenIsFixed() throws Exception {
        toggle();
        node = Node.start(Node.toToggle(Node.baseSettings(spoolDir), sink.port(), "wrong-token"));
        for (long seq = 1; seq <= 500; seq++) {
            node.emit(seq, Level.WARN);
        }
        await().atMost(PATIENCE).until(() -> "auth_failed".equals(node.stats().get("toggle_state")));
        assertThat(sink.counts().unique()).isZero();

        node.reconfigure(Node.toToggle(Node.baseSettings(spoolDir), sink.port(), TOKEN));

        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).hasSize(500);
        new ScenarioReport("wrong-token").put("accepted", 500).put("delivered_unique", Received.sequences(sink).size())
                .put("duplicates", sink.counts().duplicates()).put("rejected_calls", sink.counts().rejectedCalls())
                .put("lost", 500 - Received.sequences(sink).size()).write();
    }

    @ParameterizedTest(name = "schema {0}")
    @ValueSource(strings = {"2025-09", "2025-12"})
    void contentRefusedForGoodIsDeadLettered(String schema) throws Exception {
        toggle(schema).faults().refuse(true);
        node = Node.start(Node.toToggle(Node.baseSettings(spoolDir), sink.port(), TOKEN, schema));
        for (long seq = 1; seq <= 300; seq++) {
            node.emit(seq, Level.ERROR);
        }

        assertThat(node.flush(PATIENCE)).isTrue();

        assertThat(node.stat("dead_lettered")).isEqualTo(300);
        long keptInFiles = 0;
        try (Stream<Path> files = Files.list(spoolDir.resolve("dead-letters"))) {
            for (Path batch : files.filter(f -> f.toString().endsWith(".batch")).collect(Collectors.toList())) {
                keptInFiles += EventBatch.parseFrom(Files.readAllBytes(batch)).getEventsCount();
            }
        }
        assertThat(keptInFiles).as("events kept in dead-letter files").isEqualTo(300);

        sink.faults().refuse(false);
        assertThat(node.resendDeadLetters()).isEqualTo(300);
        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).as("sent again once Toggle takes them").hasSize(300);
        assertThat(node.deadLetterCount()).isZero();
        new ScenarioReport(report("success-false", schema)).put("accepted", 300).put("dead_lettered", node.stat("dead_lettered"))
                .put("delivered_after_resend", Received.sequences(sink).size()).put("lost", 0).write();
    }

    /** Accepted while no Toggle is set under 2025-09, shipped after a switch to 2025-12: each decodes in the new one. */
    @Test
    void aBacklogAcceptedUnderOneGenerationReachesAToggleOfTheOther() throws Exception {
        node = Node.start(Node.baseSettings(spoolDir).toggleSchema("2025-09"));
        for (long seq = 1; seq <= 1_000; seq++) {
            node.emit(seq, Level.INFO);
        }
        node.close();
        toggle("2025-12");
        node = Node.start(Node.toToggle(Node.baseSettings(spoolDir), sink.port(), TOKEN, "2025-12"));

        assertThat(node.flush(PATIENCE)).isTrue();
        assertThat(Received.sequences(sink)).hasSize(1_000);
        assertThat(sink.uniqueEvents()).allSatisfy(event -> assertThat(event.type()).isEqualTo("storage_event.pool_event"));
        new ScenarioReport("schema-switch").put("accepted", 1_000).put("delivered_unique", Received.sequences(sink).size())
                .put("undecodable", sink.counts().undecodable()).put("lost", 1_000 - Received.sequences(sink).size()).write();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().collect(Collectors.toList());
        }
    }

    private static void damage(Path segment, long offset, int length) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            for (int i = 0; i < length; i++) {
                file.seek(offset + i);
                int b = file.read();
                file.seek(offset + i);
                file.write(b ^ 0x5A);
            }
        }
    }

    // Cuts the last record short: finds the end of the written data and zeroes its last bytes.
    private static void truncateDataTail(Path segment, int bytes) throws IOException {
        byte[] content = Files.readAllBytes(segment);
        int end = content.length;
        while (end > 0 && content[end - 1] == 0) {
            end--;
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(end - bytes);
            file.write(new byte[bytes]);
        }
    }
}
