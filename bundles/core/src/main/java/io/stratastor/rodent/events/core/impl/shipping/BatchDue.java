package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.settings.Settings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When the next new batch is due. A partial batch waits for its batch timeout, measured two
 * ways, whichever ends first: on the monotonic clock from when the shipper first saw it unsent,
 * and on the oldest event's timestamp. The wall clock set back an hour would hold the batch for
 * the hour; set forward, the batch only goes early. Shipper thread only.
 */
final class BatchDue {
    static final Duration NOTHING_UNSENT = Duration.ofDays(1);
    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final ShippingClock clock;
    private long unsentSinceNanos = NOT_WAITING;

    BatchDue(ShippingClock clock) {
        this.clock = clock;
    }

    /**
     * Zero when a batch is due now; otherwise how long until the oldest unsent event's timeout.
     * Behind batches in flight, a partial batch waits for their answers, which wake the shipper.
     */
    Duration until(Settings current, long unsent, boolean inFlight, boolean hurried, LongSupplier oldestTimestamp) {
        if (unsent <= 0) {
            unsentSinceNanos = NOT_WAITING;
            return NOTHING_UNSENT;
        }
        if (unsent >= current.batchSize() || unsent >= current.flushThreshold() || hurried) {
            return Duration.ZERO;
        }
        if (inFlight) {
            return current.batchTimeout();
        }
        Duration timeout = current.batchTimeout();
        long now = clock.nanoTime();
        if (unsentSinceNanos == NOT_WAITING) {
            unsentSinceNanos = now;
        }
        long left = timeout.toNanos() - (now - unsentSinceNanos);
        long age = clock.millis() - oldestTimestamp.getAsLong();
        if (age >= 0) {
            left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(timeout.toMillis() - age));
        }
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** A batch went: what is still unsent starts its wait now. */
    void opened() {
        unsentSinceNanos = NOT_WAITING;
    }
}
