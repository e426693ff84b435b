package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.api.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The spool's event and failure counters. Thread-safe: each is a {@link LongAdder}. */
final class SpoolCounters {
    final LongAdder acknowledged = new LongAdder();
    final LongAdder oversize = new LongAdder();
    final LongAdder diskErrors = new LongAdder();
    final LongAdder quarantinedRecords = new LongAdder();
    final LongAdder quarantinedBytes = new LongAdder();
    final LongAdder checkpointsLost = new LongAdder();
    final LongAdder fsyncs = new LongAdder();
    private final Map<Level, LongAdder> droppedByLevel = new EnumMap<>(Level.class);

    SpoolCounters() {
        for (Level level : Level.values()) {
            droppedByLevel.put(level, new LongAdder());
        }
    }

    void dropped(Level level) {
        droppedByLevel.get(level).increment();
    }

    long droppedAt(Level level) {
        return droppedByLevel.get(level).sum();
    }
}
