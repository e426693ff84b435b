package io.stratastor.rodent.events.core.impl.spool;

import java.util.concurrent.atomic.AtomicLong;

/** Events and record bytes written but not yet acknowledged, kept exact across restarts by replay. Thread-safe. */
final class Backlog {
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    Backlog(long events, long bytes) {
        this.events.set(events);
        this.bytes.set(bytes);
    }

    /** @return events held afterwards */
    long added(int recordBytes) {
        bytes.addAndGet(recordBytes);
        return events.incrementAndGet();
    }

    /** @return record bytes held afterwards */
    long removed(long records, long recordBytes) {
        events.addAndGet(-records);
        return bytes.addAndGet(-recordBytes);
    }

    long events() {
        return Math.max(0, events.get());
    }

    long bytes() {
        return Math.max(0, bytes.get());
    }
}
