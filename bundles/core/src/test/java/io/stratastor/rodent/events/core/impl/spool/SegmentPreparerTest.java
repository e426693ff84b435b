package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.drain;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.core.impl.shipping.MutableClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentPreparerTest {
    private static final int PAYLOAD = 1_000;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock();
    private final AcceptedEvents accepted = new AcceptedEvents(PAYLOAD);

    /** The real files, recording which thread creates each file, and failing the file allocated ahead on request. */
    private static final class WatchedFiles implements SpoolFiles {
        final List<String> creators = new CopyOnWriteArrayList<>();
        volatile boolean failAhead;

        @Override
        public FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
            if (options.contains(StandardOpenOption.CREATE_NEW)) {
                creators.add(file.getFileName() + " by " + Thread.currentThread().getName());
                if (failAhead && file.getFileName().toString().equals(SegmentPreparer.NAME)) {
                    throw new IOException(FailingFiles.NO_SPACE);
                }
            }
            return SpoolFiles.system().open(file, options);
        }
    }

    private int append(FileSpool spool) {
        return accepted.append(spool);
    }

    private static int perSegment() {
        return SpoolFixtures.SEGMENT / recordBytes(event(0, PAYLOAD));
    }

    @Test
    void rollsRenameTheSegmentAllocatedAheadAndNeverAllocateOnTheEmittingThread() throws IOException {
        WatchedFiles files = new WatchedFiles();
        try (FileSpool spool = FileSpool.open(temp, small(), clock, files, true)) {
            for (int segment = 0; segment < 3; segment++) {
                await().until(spool::preparedAhead);
                for (int i = 0; i < perSegment(); i++) {
                    assertThat(append(spool)).isPositive();
                }
            }
            assertThat(files.creators).isNotEmpty().allMatch(created -> created.equals(SegmentPreparer.NAME + " by rodent-events-spool-prepare"));
            assertThat(Files.list(temp).map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".spool")))
                    .containsExactlyInAnyOrder(Segment.fileName(0), Segment.fileName(perSegment()), Segment.fileName(2L * perSegment()));
        }
        assertThat(temp.resolve(SegmentPreparer.NAME)).as("removed at close").doesNotExist();
        try (FileSpool reopened = FileSpool.open(temp, small(), clock, SpoolFiles.system(), false)) {
            assertThat(drain(reopened, 25)).containsExactlyElementsOf(accepted.list());
        }
    }

    @Test
    void aFileLeftAheadByAnEarlierRunIsRemovedAtOpen() throws IOException {
        Files.write(temp.resolve(SegmentPreparer.NAME), new byte[] {1, 2, 3});
        try (FileSpool spool = FileSpool.open(temp, small(), clock, SpoolFiles.system(), false)) {
            assertThat(temp.resolve(SegmentPreparer.NAME)).doesNotExist();
            assertThat(spool.size()).isZero();
            assertThat(append(spool)).isPositive();
        }
    }

    @Test
    void aFailedAllocationAheadLeavesTheRollToAllocateAndToReportWhatTheDiskSays() throws IOException {
        WatchedFiles files = new WatchedFiles();
        files.failAhead = true;
        try (FileSpool spool = FileSpool.open(temp, small(), clock, files, true)) {
            await().until(spool::preparedAhead);
            assertThat(append(spool)).isPositive();
            assertThat(files.creators).contains(Segment.fileName(0) + " by " + Thread.currentThread().getName());
            assertThat(spool.stats()).containsEntry("disk_errors", 0L).containsEntry("spool_state", "ok");
            assertThat(drain(spool, 10)).containsExactlyElementsOf(accepted.list());
        }
    }

    @Test
    void aSegmentNameThatIsTakenFailsTheRollAndTheFileAheadServesTheRetry() throws IOException {
        int perSegment = perSegment();
        Path inTheWay = Files.createDirectory(temp.resolve(Segment.fileName(perSegment)));
        try (FileSpool spool = FileSpool.open(temp, small(), clock, SpoolFiles.system(), true)) {
            for (int i = 0; i < perSegment; i++) {
                assertThat(append(spool)).isPositive();
            }
            await().until(spool::preparedAhead);
            assertThat(append(spool)).isEqualTo(-1);
            assertThat(spool.stats()).containsEntry("disk_errors", 1L).containsEntry("spool_state", "disk_error");

            Files.delete(inTheWay);
            clock.advance(Duration.ofMillis(SpoolWriter.DISK_RETRY_MILLIS));

            assertThat(append(spool)).isPositive();
            assertThat(temp.resolve(Segment.fileName(perSegment))).isRegularFile();
            assertThat(drain(spool, 10)).containsExactlyElementsOf(accepted.list());
        }
    }
}
