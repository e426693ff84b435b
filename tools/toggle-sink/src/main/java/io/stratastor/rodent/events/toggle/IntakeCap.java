package io.stratastor.rodent.events.toggle;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * Toggle's intake cap: at most {@code eventsPerSecond} events accepted per second, a token bucket
 * over events on the sink's clock. The bucket holds a tenth of a second's worth (at least one
 * event), so that in any one-second window no more than the cap plus that burst is accepted; a
 * batch bigger than the burst waits for a full bucket and leaves it in debt, so that no batch is
 * refused for ever. Also measures the peak intake: the most events accepted within any window of
 * one second. Thread-safe: every method synchronises on the cap.
 */
public final class IntakeCap {
    private static final long WINDOW_MILLIS = 1000;

    private final int eventsPerSecond;
    private final boolean pushback;
    private final Clock clock;
    private final double burst;
    private final ArrayDeque<long[]> window = new ArrayDeque<>();
    private double tokens;
    private long refilledAt;
    private long inWindow;
    private long peak;
    private long refusedCalls;
    private long refusedEvents;

    /** {@code eventsPerSecond} at least 1, as {@link ToggleSinkBuilder#intakeCap} checks. */
    IntakeCap(int eventsPerSecond, boolean pushback, Clock clock) {
        this.eventsPerSecond = eventsPerSecond;
        this.pushback = pushback;
        this.clock = clock;
        this.burst = Math.max(1.0, eventsPerSecond / 10.0);
        this.tokens = burst;
        this.refilledAt = clock.millis();
    }

    /**
     * Takes {@code events} from the bucket when it holds them (or, for a batch bigger than the
     * burst, when it is full).
     *
     * @return 0 when the batch is accepted; otherwise the milliseconds until there is room for it (at least 1)
     */
    synchronized long admit(int events) {
        long now = clock.millis();
        refill(now);
        double needed = Math.min(events, burst);
        if (tokens < needed) {
            refusedCalls++;
            refusedEvents += events;
            return Math.max(1, (long) Math.ceil((needed - tokens) * 1000.0 / eventsPerSecond));
        }
        tokens -= events;
        record(now, events);
        return 0;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * eventsPerSecond / 1000.0);
            refilledAt = now;
        }
    }

    private void record(long now, int events) {
        window.addLast(new long[] {now, events});
        inWindow += events;
        while (window.peekFirst()[0] <= now - WINDOW_MILLIS) {
            inWindow -= window.removeFirst()[1];
        }
        peak = Math.max(peak, inWindow);
    }

    /** The cap, in events per second. */
    public int eventsPerSecond() {
        return eventsPerSecond;
    }

    /** Whether a refused batch is answered {@code RESOURCE_EXHAUSTED} with {@code grpc-retry-pushback-ms} (else plain {@code UNAVAILABLE}). */
    public boolean pushback() {
        return pushback;
    }

    /** The most events accepted within any one-second window so far. */
    public synchronized long peakPerSecond() {
        return peak;
    }

    /** Calls refused for want of room so far. */
    public synchronized long refusedCalls() {
        return refusedCalls;
    }

    /** Events in the calls refused so far (a batch refused twice counts twice). */
    public synchronized long refusedEvents() {
        return refusedEvents;
    }

    @Override
    public synchronized String toString() {
        return "IntakeCap[" + eventsPerSecond + "/s, " + (pushback ? "pushback" : "no pushback") + ", peak=" + peak
                + ", refused_calls=" + refusedCalls + "]";
    }
}
