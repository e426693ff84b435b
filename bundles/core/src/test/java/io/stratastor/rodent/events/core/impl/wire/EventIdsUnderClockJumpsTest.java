package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.core.impl.shipping.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Event ids while the system clock is set back an hour and forward a day, two threads emitting. */
class EventIdsUnderClockJumpsTest {
    private static final Duration[] WALL = {Duration.ZERO, Duration.ofHours(-1), Duration.ofDays(1)};
    private static final int PER_PHASE = 5_000;

    private final MutableClock clock = new MutableClock();
    private final long start = clock.millis();

    private record Emitted(int phase, UUID id, long timestamp) {
    }

    @Test
    void idsStayUniqueAndInEmitOrderPerNodeWhileTimestampsSayWhatTheClockRead() throws Exception {
        EnvelopeFactory factory = new EnvelopeFactory(clock);
        // The clock is set between phases, while no thread is emitting: each phase's timestamps are known.
        AtomicInteger phase = new AtomicInteger();
        CyclicBarrier phaseEnd = new CyclicBarrier(2, () -> clock.setWall(WALL[Math.min(phase.incrementAndGet(), WALL.length - 1)]));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<List<Emitted>> byThread = new ArrayList<>();
        try {
            List<Future<List<Emitted>>> running = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                running.add(threads.submit(() -> emitPhases(factory, phaseEnd)));
            }
            for (Future<List<Emitted>> thread : running) {
                byThread.add(thread.get());
            }
        } finally {
            threads.shutdownNow();
        }

        Set<UUID> ids = new HashSet<>();
        for (List<Emitted> emitted : byThread) {
            for (int i = 0; i < emitted.size(); i++) {
                Emitted event = emitted.get(i);
                assertThat(ids.add(event.id())).as("id %s given twice", event.id()).isTrue();
                assertThat(event.timestamp()).isEqualTo(start + WALL[event.phase()].toMillis());
                if (i > 0) {
                    assertThat(Long.compareUnsigned(event.id().getMostSignificantBits(),
                            emitted.get(i - 1).id().getMostSignificantBits())).as("ids of one thread in emit order").isPositive();
                }
            }
        }
        assertThat(ids).hasSize(2 * 3 * PER_PHASE);
        // Every id made after the clock went back sorts after every id made before.
        long lastBeforeJump = maxHigh(byThread, 0);
        assertThat(byThread).allSatisfy(emitted -> emitted.stream().filter(event -> event.phase() == 1)
                .forEach(event -> assertThat(Long.compareUnsigned(event.id().getMostSignificantBits(), lastBeforeJump)).isPositive()));
        assertThat(byThread).allSatisfy(emitted -> assertThat(emitted).allSatisfy(event -> assertThat(event.id().version()).isEqualTo(7)));
    }

    private static List<Emitted> emitPhases(EnvelopeFactory factory, CyclicBarrier phaseEnd) throws Exception {
        List<Emitted> emitted = new ArrayList<>();
        for (int phase = 0; phase < WALL.length; phase++) {
            for (int i = 0; i < PER_PHASE; i++) {
                Event event = factory.encode(Category.STORAGE, "storage.pool.resilvered", Level.INFO, "zfs", null, Map.of()).parse();
                emitted.add(new Emitted(phase, UUID.fromString(event.getEventId()), event.getTimestamp()));
            }
            phaseEnd.await();
        }
        return emitted;
    }

    private static long maxHigh(List<List<Emitted>> byThread, int phase) {
        return byThread.stream().flatMap(List::stream).filter(event -> event.phase() == phase)
                .mapToLong(event -> event.id().getMostSignificantBits()).reduce(0L, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
    }

    @Test
    void aFullCounterCarriesIntoTheMillisecondsSoTheNextIdIsStillLarger() {
        IdSequence sequence = new IdSequence();
        long first = sequence.next(start);
        long last = first;
        for (int i = 0; i < 4096; i++) {
            long next = sequence.next(start);
            assertThat(next).isGreaterThan(last);
            last = next;
        }
        UUID id = new UUID(IdSequence.mostSignificantBits(last), 0x8000_0000_0000_0000L);
        assertThat(UuidV7.unixMillis(id)).isEqualTo(start + 1);
        assertThat(id.version()).isEqualTo(7);
        assertThat(UuidV7.unixMillis(new UUID(IdSequence.mostSignificantBits(first), 0x8000_0000_0000_0000L))).isEqualTo(start);
    }
}
