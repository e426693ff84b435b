package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.api.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The pipeline's counters. Thread-safe: each counter is a {@link LongAdder}, read without locking. */
public final class PipelineStats {
    final LongAdder emitted = new LongAdder();
    final LongAdder legacyEmitted = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder redacted = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder batchesSent = new LongAdder();
    final LongAdder failedSends = new LongAdder();
    final LongAdder authFailures = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder requeued = new LongAdder();
    final LongAdder tapFailures = new LongAdder();
    final LongAdder wireCarried = new LongAdder();
    private final Map<Level, LongAdder> droppedByLevel = new EnumMap<>(Level.class);

    public PipelineStats() {
        for (Level level : Level.values()) {
            droppedByLevel.put(level, new LongAdder());
        }
    }

    void countDropped(Level level) {
        droppedByLevel.get(level).increment();
    }

    long dropped() {
        return droppedByLevel.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long droppedAt(Level level) {
        return droppedByLevel.get(level).sum();
    }
}
