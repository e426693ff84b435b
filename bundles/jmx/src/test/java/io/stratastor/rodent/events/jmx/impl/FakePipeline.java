package io.stratastor.rodent.events.jmx.impl;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** An event system whose snapshot is fixed figures, and a dead-letter queue holding the letters a test adds. */
final class FakePipeline implements EventSystem, DeadLetterQueue {
    final List<DeadLetter> letters = new ArrayList<>();
    long lastFlushMillis = -1;

    static final EventStats STATS = new EventStats(true, false,
            new EventStats.Settings("default", 500, 100, 1000, 5.0, Set.of(Level.INFO), Set.of()),
            new EventStats.Intake(42, 2, 0, 3, 1, 0, Map.of(Level.WARN, 4L), 0, 0, 0),
            new EventStats.Shipping(30, 3, 2, 1, 0, 5, 1, "toggle.example:50051", true, "unavailable", "2025-09", "none", 0,
                    "UNAVAILABLE: connection refused", 0, 12.5),
            new EventStats.Store(12, 262_144, 7_000, "ok",
                    new EventStats.Spool("/var/spool/events", 4096, 2, 1 << 20, 12, 0, 30, 1, 64, 0, 0, "ok", "", "batch", 9,
                            "block", 0, Map.of())),
            OptionalLong.of(1));

    @Override
    public boolean isInitialized() {
        return true;
    }

    @Override
    public Map<String, Object> stats() {
        return STATS.asMap();
    }

    @Override
    public EventStats snapshot() {
        return STATS;
    }

    @Override
    public boolean flush(long timeoutMillis) {
        lastFlushMillis = timeoutMillis;
        return true;
    }

    @Override
    public List<UnmigratedType> unmigratedTypes() {
        return List.of();
    }

    void keep(String batchId, int events) {
        letters.add(new DeadLetter(batchId, events, "refused", Instant.EPOCH));
    }

    @Override
    public List<DeadLetter> list() {
        return List.copyOf(letters);
    }

    @Override
    public int resend(String batchId) {
        DeadLetter letter = letters.stream().filter(kept -> kept.batchId().equals(batchId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + batchId + "; kept: " + letters));
        letters.remove(letter);
        return letter.eventCount();
    }

    @Override
    public int resendAll() {
        int events = letters.stream().mapToInt(DeadLetter::eventCount).sum();
        letters.clear();
        return events;
    }
}
