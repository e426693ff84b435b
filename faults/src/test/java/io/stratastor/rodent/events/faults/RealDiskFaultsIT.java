package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.toggle.ToggleSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on a file system of its own, a tmpfs of 4 MiB, really full (by the node itself, by
 * another writer) and really read-only: events refused are counted per level, nothing accepted
 * is lost or damaged, and delivery resumes by itself when the disk takes writes again.
 */
class RealDiskFaultsIT {
    private static final String TOKEN = "faults-token";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int DISK_MIB = 4;
    // Far above the disk: the file system is what fills, not the spool's own bound.
    private static final long CAPACITY = 64L << 20;
    private static final long SEGMENT = 256 << 10;
    private static final long MAX_OFFERED = 2_000_000;

    @TempDir
    Path temp;
    private SmallFileSystem disk;
    private ToggleSink sink;
    private Node node;
    private long offered;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private Node start(boolean toToggle) throws Exception {
        disk = SmallFileSystem.mount(temp.resolve("disk"), DISK_MIB);
        sink = ToggleSink.builder().port(0).exactToken(TOKEN).build().start();
        node = Node.start(settings(toToggle));
        return node;
    }

    private io.stratastor.rodent.events.core.impl.settings.SettingsBuilder settings(boolean toToggle) {
        var settings = Node.baseSettings(disk.root().resolve("spool")).maxFileSize(SEGMENT).spoolCapacity(CAPACITY);
        return toToggle ? Node.toToggle(settings, sink.port(), TOKEN) : settings;
    }

    private void emitUntilRefused(Level level) {
        long refusedBefore = refused();
        while (refused() == refusedBefore) {
            assertThat(offered).as("events offered before the disk refused one").isLessThan(MAX_OFFERED);
            node.emit(++offered, level);
        }
    }

    private long refused() {
        return node.stat("dropped_info") + node.stat("dropped_warn") + node.stat("dropped_error") + node.stat("dropped_critical");
    }

    // Emits until one event is taken again: the node finds out by itself that the disk has room.
    private void awaitAccepting() {
        long accepted = node.stat("emitted");
        await().atMost(PATIENCE).until(() -> {
            node.emit(++offered, Level.INFO);
            return node.stat("emitted") > accepted;
        });
    }

    // Every event offered is either accepted or refused and counted; every accepted one arrives, intact.
    private Set<Long> assertNothingAcceptedLost() throws Exception {
        assertThat(node.stat("emitted") + refused()).isEqualTo(offered);
        assertThat(node.flush(PATIENCE)).isTrue();
        Set<Long> delivered = Received.sequences(sink);
        assertThat((long) delivered.size()).isEqualTo(node.stat("emitted"));
        assertThat(delivered).allSatisfy(seq -> assertThat(seq).isBetween(1L, offered));
        assertThat(node.stat("quarantined_records")).isZero();
        return delivered;
    }

    @Test
    void aDiskTheNodeFillsItselfRefusesEveryLevelCountedAndTakesEventsAgainOnceToggleHasDrainedIt() throws Exception {
        start(false);
        emitUntilRefused(Level.INFO);
        assertThat(node.stats()).containsEntry("spool_state", "disk_error");
        assertThat(node.stat("disk_errors")).isPositive();
        long acceptedWhenFull = node.stat("emitted");
        for (int i = 0; i < 20; i++) {
            node.emit(++offered, Level.CRITICAL);
        }
        assertThat(node.stat("dropped_critical")).as("a full disk holds no room for CRITICAL either").isEqualTo(20);
        assertThat(node.stat("emitted")).isEqualTo(acceptedWhenFull);

        node.reconfigure(settings(true));
        awaitAccepting();
        Set<Long> delivered = assertNothingAcceptedLost();
        new ScenarioReport("full-disk-by-the-node").put("disk_mib", DISK_MIB).put("offered", offered)
                .put("accepted", node.stat("emitted")).put("dropped_info", node.stat("dropped_info"))
                .put("dropped_critical", node.stat("dropped_critical")).put("delivered_unique", delivered.size())
                .put("duplicates", sink.counts().duplicates()).put("lost", node.stat("emitted") - delivered.size()).write();
    }

    @Test
    void aDiskAnotherWriterFillsRefusesCountedAndTheNodeGoesOnWhenTheFileIsRemoved() throws Exception {
        start(true);
        // The other writer goes on taking whatever room Toggle's acknowledgements free.
        List<Path> written = new ArrayList<>();
        while (refused() == 0) {
            assertThat(offered).as("events offered before the disk refused one").isLessThan(MAX_OFFERED);
            if (offered % 1_000 == 0) {
                written.add(disk.fill("other-writer-" + written.size()));
            }
            node.emit(++offered, Level.WARN);
        }
        assertThat(node.stat("dropped_warn")).isPositive();
        assertThat(disk.freeBytes()).isLessThan(SEGMENT);

        for (Path file : written) {
            Files.delete(file);
        }
        awaitAccepting();
        Set<Long> delivered = assertNothingAcceptedLost();
        new ScenarioReport("full-disk-by-another-writer").put("offered", offered).put("accepted", node.stat("emitted"))
                .put("dropped_warn", node.stat("dropped_warn")).put("delivered_unique", delivered.size())
                .put("duplicates", sink.counts().duplicates()).put("lost", node.stat("emitted") - delivered.size()).write();
    }

    @Test
    void aSpoolMadeReadOnlyUnderTheNodeRefusesCountedAndTheNodeGoesOnWhenItIsWritableAgain() throws Exception {
        start(true);
        node.emit(++offered, Level.INFO);
        disk.readOnly(true);
        emitUntilRefused(Level.ERROR);
        assertThat(node.stats()).containsEntry("spool_state", "disk_error");
        assertThat(node.stat("dropped_error")).isPositive();

        disk.readOnly(false);
        awaitAccepting();
        Set<Long> delivered = assertNothingAcceptedLost();
        new ScenarioReport("read-only-spool").put("offered", offered).put("accepted", node.stat("emitted"))
                .put("dropped_error", node.stat("dropped_error")).put("delivered_unique", delivered.size())
                .put("duplicates", sink.counts().duplicates()).put("lost", node.stat("emitted") - delivered.size()).write();
    }
}
