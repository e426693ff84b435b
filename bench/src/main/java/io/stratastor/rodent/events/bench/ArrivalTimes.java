package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When a counting Toggle's total reached each of a rising list of counts, taken on a daemon thread
 * of its own while a node sends; 0 for a count not reached in time. Each wait is at most
 * {@code timeout}, and the first one failing ends the watch. Thread-safe: read it once the node is
 * done (and {@link #join} returned).
 */
final class ArrivalTimes {
    private final long[] counts;
    private final AtomicLongArray nanos;
    private final Thread watcher;

    private ArrivalTimes(ToggleSink sink, long[] counts, Duration timeout) {
        this.counts = counts.clone();
        this.nanos = new AtomicLongArray(counts.length);
        this.watcher = new Thread(() -> {
            for (int i = 0; i < this.counts.length && sink.awaitReceived(this.counts[i], timeout); i++) {
                nanos.set(i, System.nanoTime());
            }
        }, "bench-arrival-times");
        watcher.setDaemon(true);
    }

    /** Starts watching {@code sink} for {@code counts}, which must rise. */
    static ArrivalTimes watch(ToggleSink sink, Duration timeout, long... counts) {
        ArrivalTimes times = new ArrivalTimes(sink, counts, timeout);
        times.watcher.start();
        return times;
    }

    /** Waits for the watch to end, at most {@code timeout}. */
    void join(Duration timeout) throws InterruptedException {
        watcher.join(timeout.toMillis());
    }

    /** Events per second from the moment count {@code from} arrived to the moment count {@code to} did; -1 if either did not. */
    long ratePerSecond(int from, int to, long events) {
        long start = nanos.get(from);
        long end = nanos.get(to);
        return start == 0 || end == 0 || end <= start ? -1 : Math.round(events * 1e9 / (end - start));
    }

    /** Whether every count arrived. */
    boolean allArrived() {
        return nanos.get(counts.length - 1) != 0;
    }
}
