package io.stratastor.rodent.events.core.impl.intake;

import io.stratastor.rodent.events.api.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the intake counts. Thread-safe: each counter is a {@link LongAdder}, read without locking. */
public final class IntakeCounters {
    final LongAdder emitted = new LongAdder();
    final LongAdder legacyEmitted = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder redacted = new LongAdder();
    final LongAdder requeued = new LongAdder();
    final LongAdder tapFailures = new LongAdder();
    private final Map<Level, LongAdder> droppedByLevel = new EnumMap<>(Level.class);

    IntakeCounters() {
        for (Level level : Level.values()) {
            droppedByLevel.put(level, new LongAdder());
        }
    }

    void countDropped(Level level) {
        droppedByLevel.get(level).increment();
    }

    public long emitted() {
        return emitted.sum();
    }

    public long legacyEmitted() {
        return legacyEmitted.sum();
    }

    public long filtered() {
        return filtered.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long redacted() {
        return redacted.sum();
    }

    public long requeued() {
        return requeued.sum();
    }

    public long tapFailures() {
        return tapFailures.sum();
    }

    public long dropped() {
        return droppedByLevel.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long droppedAt(Level level) {
        return droppedByLevel.get(level).sum();
    }
}
