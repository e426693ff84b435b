package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.drain;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.stratastor.rodent.events.core.impl.shipping.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolDiskErrorTest {
    private static final int PAYLOAD = 1_000;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock();
    private final FailingFiles files = new FailingFiles();
    private final AcceptedEvents accepted = new AcceptedEvents(PAYLOAD);

    private FileSpool open() throws IOException {
        return FileSpool.open(temp, small(), clock, files, false);
    }

    private int append(FileSpool spool) {
        return accepted.append(spool);
    }

    @Test
    void aFullDiskAtRollRefusesTheEventKeepsEverythingBeforeAndRecovers() throws IOException {
        try (FileSpool spool = open()) {
            append(spool);
            files.segments = true;
            while (append(spool) > 0) {
                assertThat(accepted.list()).hasSizeLessThan(100);
            }
            assertThat(spool.stats()).containsEntry("disk_errors", 1L).containsEntry("spool_state", "disk_error");
            assertThat((String) spool.stats().get("spool_last_error")).contains(FailingFiles.NO_SPACE);

            int opens = files.segmentOpens.get();
            assertThat(append(spool)).isEqualTo(-1);
            assertThat(files.segmentOpens).hasValue(opens);
            files.segments = false;
            assertThat(append(spool)).isEqualTo(-1);
            assertThat(spool.stats()).containsEntry("disk_errors", 3L);

            clock.advance(Duration.ofMillis(SpoolWriter.DISK_RETRY_MILLIS));
            assertThat(append(spool)).isPositive();
            assertThat(spool.stats()).containsEntry("spool_state", "ok").containsEntry("spool_last_error", "");
        }
        try (FileSpool reopened = open()) {
            assertThat(drain(reopened, 25)).containsExactlyElementsOf(accepted.list());
        }
    }

    @Test
    void withTheWallClockSetBackAfterADiskErrorTheRetryWaitsNoLongerThanOneRetryInterval() throws IOException {
        try (FileSpool spool = open()) {
            append(spool);
            files.segments = true;
            while (append(spool) > 0) {
                assertThat(accepted.list()).hasSizeLessThan(100);
            }
            files.segments = false;
            clock.setWall(Duration.ofHours(-1));

            assertThat(append(spool)).isPositive();
            assertThat(spool.stats()).containsEntry("spool_state", "ok");
            assertThat(drain(spool, 25)).containsExactlyElementsOf(accepted.list());
        }
    }

    @Test
    void aDirectoryWhereTheNextSegmentShouldBeIsADiskError() throws IOException {
        int perSegment = SpoolFixtures.SEGMENT / recordBytes(event(0, PAYLOAD));
        Path inTheWay = Files.createDirectory(temp.resolve(Segment.fileName(perSegment)));
        try (FileSpool spool = open()) {
            for (int i = 0; i < perSegment; i++) {
                assertThat(append(spool)).isPositive();
            }
            assertThat(append(spool)).isEqualTo(-1);
            assertThat(spool.stats()).containsEntry("disk_errors", 1L).containsEntry("spool_state", "disk_error");
            assertThat(inTheWay).isDirectory();

            Files.delete(inTheWay);
            clock.advance(Duration.ofMillis(SpoolWriter.DISK_RETRY_MILLIS));

            assertThat(append(spool)).isPositive();
            assertThat(drain(spool, 10)).containsExactlyElementsOf(accepted.list());
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenIsRetriedOnTheNextRemove() throws IOException {
        files.checkpoint = true;
        try (FileSpool spool = open()) {
            for (int i = 0; i < 10; i++) {
                append(spool);
            }
            spool.remove(3);
            assertThat(spool.stats()).containsEntry("spool_state", "disk_error").containsEntry("acknowledged", 3L);
            assertThat(spool.peek(1, Long.MAX_VALUE)).containsExactly(accepted.list().get(3));

            files.checkpoint = false;
            spool.remove(2);

            assertThat(spool.stats()).containsEntry("spool_state", "ok");
            assertThat((long) spool.stats().get("disk_errors")).isGreaterThanOrEqualTo(2);
        }
        try (FileSpool reopened = open()) {
            assertThat(drain(reopened, 3)).containsExactlyElementsOf(accepted.list().subList(5, 10));
        }
    }

    @Test
    void aCheckpointFailingUntilCloseIsWrittenAtClose() throws IOException {
        files.checkpoint = true;
        FileSpool spool = open();
        for (int i = 0; i < 10; i++) {
            append(spool);
        }
        spool.remove(4);
        files.checkpoint = false;
        spool.close();

        try (FileSpool reopened = open()) {
            assertThat(drain(reopened, 3)).containsExactlyElementsOf(accepted.list().subList(4, 10));
        }
    }

    @Test
    void aReadOnlyDirectoryRefusesNewSegmentsButKeepsWhatItHas() throws IOException {
        assumeThat(temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path directory = Files.createDirectory(temp.resolve("spool"));
        FileSpool spool = FileSpool.open(directory, small(), clock, SpoolFiles.system());
        append(spool);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeThat(Files.isWritable(directory)).as("not running as root").isFalse();
            while (append(spool) > 0) {
                assertThat(accepted.list()).hasSizeLessThan(100);
            }
            assertThat(spool.stats()).containsEntry("spool_state", "disk_error");
            assertThat(spool.peek(100, Long.MAX_VALUE)).containsExactlyElementsOf(accepted.list());
        } finally {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            spool.close();
        }
    }
}
