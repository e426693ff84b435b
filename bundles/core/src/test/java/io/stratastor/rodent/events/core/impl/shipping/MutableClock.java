package io.stratastor.rodent.events.core.impl.shipping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, as a wall clock and as the shipper's nanosecond clock alike. Thread-safe. */
public final class MutableClock extends Clock implements ShippingClock {
    private volatile Instant now = Instant.parse("2026-11-27T03:00:00Z");

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    // Nanoseconds since the epoch: 2026 is well inside a long.
    @Override
    public long nanoTime() {
        Instant at = now;
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
