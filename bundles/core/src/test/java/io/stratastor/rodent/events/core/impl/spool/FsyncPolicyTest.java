package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.CLOCK;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.core.impl.settings.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncPolicyTest {
    @TempDir
    Path temp;

    private FileSpool open(FsyncPolicy policy, Duration interval) throws IOException {
        return FileSpool.open(temp, small().withFsync(policy, interval), CLOCK, SpoolFiles.system());
    }

    private static long fsyncs(FileSpool spool) {
        return (long) spool.stats().get("fsyncs");
    }

    @Test
    void noneNeverForces() throws IOException {
        FileSpool spool = open(FsyncPolicy.NONE, Duration.ofMillis(1));
        for (int i = 0; i < 200; i++) {
            spool.append(event(i, 1_000));
        }
        spool.remove(50);
        spool.sync();
        spool.close();

        assertThat(fsyncs(spool)).isZero();
        assertThat(spool.stats()).containsEntry("fsync_policy", "none");
    }

    @Test
    void batchForcesTheCheckpointOnRemoveAndTheWrittenRangeOnSync() throws IOException {
        try (FileSpool spool = open(FsyncPolicy.BATCH, Duration.ofHours(1))) {
            long atOpen = fsyncs(spool);
            spool.append(event(0, 10));
            spool.sync();
            long afterSync = fsyncs(spool);
            assertThat(afterSync).isGreaterThan(atOpen);

            spool.remove(1);
            assertThat(fsyncs(spool)).isGreaterThan(afterSync);

            long afterRemove = fsyncs(spool);
            spool.sync();
            assertThat(fsyncs(spool)).as("nothing new to force").isEqualTo(afterRemove);
        }
    }

    @Test
    void batchForcesTheSegmentItRollsAway() throws IOException {
        try (FileSpool spool = open(FsyncPolicy.BATCH, Duration.ofHours(1))) {
            spool.append(event(0, 40_000));
            long before = fsyncs(spool);

            spool.append(event(1, 40_000));

            assertThat(fsyncs(spool)).isGreaterThan(before);
        }
    }

    @Test
    void intervalForcesOnItsOwnThread() throws IOException {
        try (FileSpool spool = open(FsyncPolicy.INTERVAL, Duration.ofMillis(5))) {
            spool.append(event(0, 10));

            await().until(() -> fsyncs(spool) > 0);
            assertThat(spool.stats()).containsEntry("fsync_policy", "interval").containsEntry("spool_state", "ok");
        }
    }

    @Test
    void intervalDoesNotForceOnSync() throws IOException {
        try (FileSpool spool = open(FsyncPolicy.INTERVAL, Duration.ofHours(1))) {
            spool.append(event(0, 10));
            spool.remove(1);
            spool.sync();

            assertThat(fsyncs(spool)).isZero();
        }
    }

    @Test
    void intervalForcesARolledSegmentOnItsOwnThreadNotTheEmitters() throws IOException {
        FileSpool spool = open(FsyncPolicy.INTERVAL, Duration.ofHours(1));
        spool.append(event(0, 40_000));
        spool.append(event(1, 40_000));
        assertThat(spool.stats()).as("rolled").containsEntry("spool_segments", 2L);
        assertThat(fsyncs(spool)).as("nothing forced by the append that rolled").isZero();

        spool.close();

        // The rolled segment, the current one and the checkpoint, forced at close as at the next interval.
        assertThat(fsyncs(spool)).isGreaterThanOrEqualTo(2);
        assertThat(spool.stats()).containsEntry("disk_errors", 0L);
    }

    @Test
    void aRolledSegmentAcknowledgedBeforeTheIntervalIsNotForcedAfterItIsGone() throws IOException {
        FileSpool spool = open(FsyncPolicy.INTERVAL, Duration.ofHours(1));
        spool.append(event(0, 40_000));
        spool.append(event(1, 40_000));
        spool.remove(1);
        assertThat(spool.stats()).as("the first segment deleted").containsEntry("spool_segments", 1L);

        spool.close();

        assertThat(spool.stats()).containsEntry("disk_errors", 0L).containsEntry("spool_state", "ok");
    }
}
