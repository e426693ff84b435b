package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.CLOCK;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.copyOf;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.drain;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.events;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.segmentFiles;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.stratastor.rodent.events.core.impl.settings.SpoolSettings;
import io.stratastor.rodent.events.proto.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolTest {
    @TempDir
    Path temp;

    private FileSpool open(Path directory) throws IOException {
        return FileSpool.open(directory, small(), CLOCK, SpoolFiles.system());
    }

    @Test
    void everyEventComesBackOnceInOrderAcrossRollsAndReopens() throws IOException {
        Path directory = temp.resolve("spool");
        List<Event> appended = events(3_000, 2_000, 1);
        List<Event> delivered = new ArrayList<>();
        FileSpool spool = open(directory);
        int next = 0;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 500; i++) {
                assertThat(spool.append(appended.get(next++))).isPositive();
            }
            assertThat(segmentFiles(directory)).hasSizeGreaterThan(1);
            for (int batch = 0; batch < 7; batch++) {
                List<Event> events = spool.peek(37, Long.MAX_VALUE);
                delivered.addAll(events);
                spool.remove(events.size());
            }
            spool.close();
            spool = open(directory);
            assertThat(spool.size()).isEqualTo(next - delivered.size());
        }
        delivered.addAll(drain(spool, 100));
        spool.close();

        assertThat(delivered).containsExactlyElementsOf(appended);
    }

    @Test
    void acknowledgedEventsAreNotReplayedAfterReopen() throws IOException {
        List<Event> appended = events(100, 300, 2);
        try (FileSpool spool = open(temp)) {
            appended.forEach(spool::append);
            assertThat(spool.peek(60, Long.MAX_VALUE)).containsExactlyElementsOf(appended.subList(0, 60));
            spool.remove(60);
        }

        try (FileSpool reopened = open(temp)) {
            assertThat(reopened.size()).isEqualTo(40);
            assertThat(reopened.stats()).containsEntry("pending", 40L).containsEntry("checkpoint_lost", 0L);
            assertThat(drain(reopened, 15)).containsExactlyElementsOf(appended.subList(60, 100));
        }
    }

    @Test
    void aCrashReplaysEveryUnacknowledgedEventInOrder() throws IOException {
        Path directory = temp.resolve("live");
        List<Event> appended = events(2_000, 1_000, 3);
        FileSpool spool = open(directory);
        appended.forEach(spool::append);
        spool.remove(spool.peek(250, Long.MAX_VALUE).size());

        // No close: the files are copied as the page cache holds them, as after kill -9.
        Path crashed = copyOf(directory, Files.createDirectory(temp.resolve("crashed")));
        spool.close();

        try (FileSpool replayed = open(crashed)) {
            assertThat(replayed.size()).isEqualTo(1_750);
            assertThat(drain(replayed, 100)).containsExactlyElementsOf(appended.subList(250, 2_000));
        }
    }

    @Test
    void aSecondSpoolCannotOpenADirectoryInUseUntilTheFirstCloses() throws IOException {
        FileSpool first = open(temp);
        first.append(event(0, 10));

        assertThatThrownBy(() -> open(temp)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        first.close();
        try (FileSpool second = open(temp)) {
            assertThat(second.peek(10, Long.MAX_VALUE)).containsExactly(event(0, 10));
        }
    }

    @Test
    void peekTakesAtMostMaxEventsAndMaxBytesButAlwaysOne() throws IOException {
        try (FileSpool spool = open(temp)) {
            Event big = event(0, 5_000);
            spool.append(big);
            spool.append(event(1, 10));
            spool.append(event(2, 10));

            assertThat(spool.peek(10, 100)).containsExactly(big);
            assertThat(spool.peek(2, Long.MAX_VALUE)).hasSize(2);
            assertThat(spool.peek(10, big.getSerializedSize() + 8 + event(1, 10).getSerializedSize() + 8)).hasSize(2);
            assertThat(spool.peek(0, Long.MAX_VALUE)).isEmpty();
            assertThat(spool.size()).isEqualTo(3);
        }
    }

    @Test
    void anEventLargerThanASegmentIsRefusedAndCounted() throws IOException {
        try (FileSpool spool = open(temp)) {
            assertThat(spool.append(event(0, SpoolFixtures.SEGMENT))).isEqualTo(-1);
            assertThat(spool.append(event(1, SpoolFixtures.SEGMENT - 200))).isEqualTo(1);

            assertThat(spool.stats()).containsEntry("oversize", 1L).containsEntry("pending", 1L);
        }
    }

    @Test
    void anEventWithNoFieldSetIsAProgrammingError() throws IOException {
        try (FileSpool spool = open(temp)) {
            assertThatThrownBy(() -> spool.append(Event.getDefaultInstance()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event_id");
            assertThat(spool.size()).isZero();
        }
    }

    @Test
    void whollyAcknowledgedSegmentsAreDeleted() throws IOException {
        try (FileSpool spool = open(temp)) {
            events(1_000, 1_000, 5).forEach(spool::append);
            assertThat(segmentFiles(temp)).hasSizeGreaterThan(5);

            drain(spool, 50);

            assertThat(segmentFiles(temp)).hasSize(1);
            assertThat(spool.stats()).containsEntry("spool_segments", 1L).containsEntry("spool_bytes", 0L)
                    .containsEntry("acknowledged", 1_000L);
        }
        try (FileSpool reopened = open(temp)) {
            assertThat(reopened.size()).isZero();
            assertThat(segmentFiles(temp)).isEmpty();
        }
    }

    @Test
    void oldestTimestampFollowsAcknowledgement() throws IOException {
        try (FileSpool spool = open(temp)) {
            assertThat(spool.oldestTimestamp()).isEqualTo(-1);
            spool.append(event(0, 10));
            spool.append(event(1, 10));
            assertThat(spool.oldestTimestamp()).isEqualTo(event(0, 10).getTimestamp());

            spool.remove(1);

            assertThat(spool.oldestTimestamp()).isEqualTo(event(1, 10).getTimestamp());
            assertThat(spool.stats()).containsEntry("oldest_pending_timestamp", event(1, 10).getTimestamp());
        }
    }

    @Test
    void manyThreadsAppendAtOnceAndEveryEventIsKeptInEachThreadsOrder() throws Exception {
        int threads = 4;
        int each = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> emitters = new ArrayList<>();
        try (FileSpool spool = open(temp)) {
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                emitters.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = first; i < first + each; i++) {
                        spool.append(event(i, i % 300));
                    }
                }));
            }
            emitters.forEach(Thread::start);
            go.countDown();
            for (Thread emitter : emitters) {
                emitter.join();
            }

            List<Event> delivered = drain(spool, 500);

            assertThat(delivered).hasSize(threads * each);
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                assertThat(delivered.stream().filter(e -> index(e) >= first && index(e) < first + each).map(FileSpoolTest::index))
                        .isSorted().hasSize(each);
            }
        }
    }

    @Test
    void holdsTwoHundredThousandEventsOnDiskWhileToggleIsDown() throws IOException {
        SpoolSettings settings = small().withMaxFileSize(1 << 20);
        long bytes = 0;
        try (FileSpool spool = FileSpool.open(temp, settings, CLOCK, SpoolFiles.system())) {
            for (int i = 0; i < 200_000; i++) {
                Event event = event(i, 16);
                bytes += recordBytes(event);
                assertThat(spool.append(event)).isEqualTo(i + 1);
            }

            assertThat(spool.stats()).containsEntry("pending", 200_000L).containsEntry("spool_bytes", bytes);
            assertThat((long) spool.stats().get("spool_segments")).isGreaterThanOrEqualTo(bytes / (1 << 20));
            long onDisk = 0;
            for (Path segment : segmentFiles(temp)) {
                onDisk += Files.size(segment);
            }
            assertThat(onDisk).isGreaterThanOrEqualTo(bytes);
        }
        try (FileSpool reopened = FileSpool.open(temp, settings, CLOCK, SpoolFiles.system())) {
            assertThat(reopened.size()).isEqualTo(200_000);
            assertThat(reopened.stats()).containsEntry("spool_bytes", bytes);
            assertThat(reopened.peek(1, Long.MAX_VALUE)).containsExactly(event(0, 16));
        }
    }

    @Test
    void statsNameEveryCounterAndCannotBeChanged() throws IOException {
        try (FileSpool spool = open(temp)) {
            spool.append(event(0, 10));

            assertThat(spool.stats()).containsKeys("spool_directory", "spool_bytes", "spool_segments", "spool_capacity_bytes",
                    "pending", "oldest_pending_timestamp", "acknowledged", "quarantined_records", "quarantined_bytes",
                    "oversize", "disk_errors", "spool_state", "fsync_policy", "dropped_info", "dropped_warn",
                    "dropped_error", "dropped_critical")
                    .containsEntry("spool_directory", temp.toString())
                    .containsEntry("spool_state", "ok")
                    .containsEntry("fsync_policy", "none")
                    .containsEntry("spool_bytes", (long) recordBytes(event(0, 10)));
            assertThatThrownBy(() -> spool.stats().put("pending", 0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void closeIsIdempotentAndLaterAppendsAreRefused() throws IOException {
        FileSpool spool = open(temp);
        spool.append(event(0, 10));
        spool.close();
        spool.close();

        assertThat(spool.append(event(1, 10))).isEqualTo(-1);
        assertThat(spool.peek(10, Long.MAX_VALUE)).isEmpty();
        try (FileSpool reopened = open(temp)) {
            assertThat(reopened.peek(10, Long.MAX_VALUE)).containsExactly(event(0, 10));
        }
    }

    @Test
    void spoolFilesAreTheOwnersAlone() throws IOException {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path directory = temp.resolve("spool");
        try (FileSpool spool = open(directory)) {
            spool.append(event(0, 10));
            spool.remove(1);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
    }

    @Test
    void capacityInEventsDoesNotApply() throws IOException {
        try (FileSpool spool = open(temp)) {
            spool.resize(1);
            spool.append(event(0, 10));
            spool.append(event(1, 10));

            assertThat(spool.capacity()).isEqualTo(Integer.MAX_VALUE);
            assertThat(spool.size()).isEqualTo(2);
        }
    }

    @Test
    void openFailsCleanlyWhenAFileStandsWhereTheDirectoryShouldBe() throws IOException {
        Path file = Files.writeString(temp.resolve("spool"), "not a directory");

        assertThatThrownBy(() -> FileSpool.open(file, small())).isInstanceOf(IOException.class);
    }

    private static int index(Event event) {
        return Integer.parseInt(event.getEventId().substring("event-".length()));
    }
}
