package io.stratastor.rodent.events.core.impl.spool;

import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.CLOCK;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.event;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.recordBytes;
import static io.stratastor.rodent.events.core.impl.spool.SpoolFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.core.impl.settings.OverflowPolicy;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolCapacityTest {
    private static final long CAPACITY = 100_000;
    private static final int PAYLOAD = 900;

    @TempDir
    Path temp;

    private int index;

    private FileSpool open(OverflowPolicy policy) throws IOException {
        return FileSpool.open(temp, small().withCapacityBytes(CAPACITY).withOverflowPolicy(policy), CLOCK, SpoolFiles.system());
    }

    private Event next(EventLevel level) {
        return event(index++, PAYLOAD, level);
    }

    // Appends at the level until the first refusal; returns how many were taken.
    private int fill(FileSpool spool, EventLevel level) {
        int taken = 0;
        while (spool.append(next(level)) > 0) {
            taken++;
        }
        return taken;
    }

    private static long held(FileSpool spool) {
        return (long) spool.stats().get("spool_bytes");
    }

    @Test
    void byLevelRefusesInfoFirstAndCriticalLast() throws IOException {
        int record = recordBytes(next(EventLevel.EVENT_LEVEL_INFO));
        try (FileSpool spool = open(OverflowPolicy.BY_LEVEL)) {
            fill(spool, EventLevel.EVENT_LEVEL_INFO);
            assertThat(held(spool)).isBetween(CAPACITY * 70 / 100 - record, CAPACITY * 70 / 100);
            assertThat(spool.stats()).containsEntry("spool_state", "full");

            assertThat(fill(spool, EventLevel.EVENT_LEVEL_WARN)).isPositive();
            assertThat(held(spool)).isBetween(CAPACITY * 85 / 100 - record, CAPACITY * 85 / 100);
            assertThat(fill(spool, EventLevel.EVENT_LEVEL_ERROR)).isPositive();
            assertThat(held(spool)).isBetween(CAPACITY * 95 / 100 - record, CAPACITY * 95 / 100);
            assertThat(spool.append(next(EventLevel.EVENT_LEVEL_INFO))).isEqualTo(-1);
            assertThat(fill(spool, EventLevel.EVENT_LEVEL_CRITICAL)).isPositive();
            assertThat(held(spool)).isBetween(CAPACITY - record, CAPACITY);

            assertThat(spool.stats()).containsEntry("dropped_info", 2L).containsEntry("dropped_warn", 1L)
                    .containsEntry("dropped_error", 1L).containsEntry("dropped_critical", 1L);
        }
    }

    @Test
    void refuseNewestTakesAnyLevelUpToTheWholeCapacity() throws IOException {
        try (FileSpool spool = open(OverflowPolicy.REFUSE_NEWEST)) {
            fill(spool, EventLevel.EVENT_LEVEL_INFO);
            assertThat(held(spool)).isBetween(CAPACITY - recordBytes(next(EventLevel.EVENT_LEVEL_INFO)), CAPACITY);

            assertThat(spool.append(next(EventLevel.EVENT_LEVEL_CRITICAL))).isEqualTo(-1);

            assertThat(spool.stats()).containsEntry("dropped_info", 1L).containsEntry("dropped_critical", 1L)
                    .containsEntry("spool_state", "full");
        }
    }

    @Test
    void acknowledgementMakesRoomAgain() throws IOException {
        try (FileSpool spool = open(OverflowPolicy.BY_LEVEL)) {
            int taken = fill(spool, EventLevel.EVENT_LEVEL_INFO);

            spool.remove(1);
            assertThat(spool.stats()).containsEntry("spool_state", "full");
            spool.remove(taken / 2);

            assertThat(spool.stats()).containsEntry("spool_state", "ok");
            assertThat(spool.append(next(EventLevel.EVENT_LEVEL_INFO))).isPositive();
        }
    }

    @Test
    void capacityCountsOnlyUnacknowledgedRecordsAcrossRestarts() throws IOException {
        long before;
        try (FileSpool spool = open(OverflowPolicy.REFUSE_NEWEST)) {
            fill(spool, EventLevel.EVENT_LEVEL_ERROR);
            spool.remove(10);
            before = held(spool);
        }
        try (FileSpool spool = open(OverflowPolicy.REFUSE_NEWEST)) {
            assertThat(held(spool)).isEqualTo(before);
            assertThat(fill(spool, EventLevel.EVENT_LEVEL_ERROR)).isEqualTo(10);
        }
    }
}
