package io.stratastor.rodent.events.core.impl.shipping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, as a wall clock and as the shipper's nanosecond clock alike; {@link #setWall}
 * moves the wall clock alone, as an operator or NTP setting the system clock would. Thread-safe.
 */
public final class MutableClock extends Clock implements ShippingClock {
    private volatile Instant now = Instant.parse("2026-11-27T03:00:00Z");
    private volatile Duration wallOffset = Duration.ZERO;

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the wall clock {@code by} away from the monotonic one (negative: back); the nanosecond clock goes on. */
    public void setWall(Duration by) {
        wallOffset = by;
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
        return now.plus(wallOffset);
    }

    // Nanoseconds since the epoch: 2026 is well inside a long.
    @Override
    public long nanoTime() {
        Instant at = now;
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
