package io.stratastor.rodent.events.core.impl.shipping;

/**
 * Events per second Toggle acknowledged over the last few seconds: an exponentially weighted rate
 * on the shipping clock, each event weighing {@code exp(-age / 5 s) / 5 s}, decayed to the moment it
 * is read. A steady flow of r events per second reads r; after the flow stops it falls by two
 * thirds every five seconds. Thread-safe: added to on the shipper thread, read from any.
 */
final class DrainRate {
    private static final double TAU_NANOS = 5e9;

    private final ShippingClock clock;
    private double rate;
    private long at;
    private boolean started;

    DrainRate(ShippingClock clock) {
        this.clock = clock;
    }

    /** Counts {@code events} acknowledged now. */
    synchronized void add(long events) {
        if (events <= 0) {
            return;
        }
        long now = clock.nanoTime();
        rate = decayed(now) + events * 1e9 / TAU_NANOS;
        at = now;
        started = true;
    }

    /** Events per second, now. */
    synchronized double perSecond() {
        return decayed(clock.nanoTime());
    }

    private double decayed(long now) {
        if (!started) {
            return 0;
        }
        long elapsed = Math.max(0, now - at);
        return rate * Math.exp(-elapsed / TAU_NANOS);
    }
}
