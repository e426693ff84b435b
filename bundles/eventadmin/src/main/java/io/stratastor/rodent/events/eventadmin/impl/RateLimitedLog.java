package io.stratastor.rodent.events.eventadmin.impl;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Runs a log statement at most once per interval, the first time at once. Thread-safe. */
final class RateLimitedLog {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextAllowed;

    RateLimitedLog(long intervalNanos, LongSupplier nanoTime) {
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.nextAllowed = new AtomicLong(nanoTime.getAsLong());
    }

    void maybe(Runnable log) {
        long now = nanoTime.getAsLong();
        long allowed = nextAllowed.get();
        if (now - allowed >= 0 && nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            log.run();
        }
    }
}
