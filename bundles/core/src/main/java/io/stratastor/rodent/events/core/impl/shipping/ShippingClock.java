package io.stratastor.rodent.events.core.impl.shipping;

import java.time.Clock;

/**
 * Time as the shipper reads it, given to it so that tests can move it by hand: a monotonic count
 * of nanoseconds for waits, backoff and deadlines, and the wall clock for batch timestamps, batch
 * ids and the age of events. Thread-safe.
 */
public interface ShippingClock {

    /** Monotonic nanoseconds; only the difference of two readings means anything. */
    long nanoTime();

    /** Wall time, Unix milliseconds. */
    long millis();

    /** {@code wall}'s milliseconds and {@link System#nanoTime()}. */
    static ShippingClock system(Clock wall) {
        return new ShippingClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long millis() {
                return wall.millis();
            }
        };
    }
}
