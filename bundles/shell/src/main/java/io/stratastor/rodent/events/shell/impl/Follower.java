package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.proto.Event;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One {@code events:tail -f} in progress: a bounded queue the tap fills without blocking the
 * emitting thread, and the command drains. When the reader falls behind by {@value #CAPACITY}
 * events, newer ones are counted as skipped rather than held (whether or not they would have
 * matched: the reader filters, so that the emitting thread never parses). Thread-safe: any thread offers, one
 * thread takes.
 */
final class Follower implements AutoCloseable {
    static final int CAPACITY = 10_000;
    // Put in the queue to wake the reader when the tap goes away.
    private static final KeptEvent END = KeptEvent.of(Event.getDefaultInstance());

    private final RecentEvents source;
    private final Predicate<Event> filter;
    private volatile List<Event> history = List.of();
    // Filtered by the reader, so the emitting thread never parses.
    private final BlockingQueue<KeptEvent> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean ended;

    Follower(RecentEvents source, Predicate<Event> filter) {
        this.source = source;
        this.filter = filter;
    }

    /** The kept events that matched when following began; set before the follower is handed out. */
    void begin(List<Event> matched) {
        history = List.copyOf(matched);
    }

    /** The kept events that matched when following began, oldest first. */
    List<Event> history() {
        return history;
    }

    void offer(KeptEvent event) {
        if (!ended && (queue.size() >= CAPACITY || !queue.offer(event))) {
            skipped.incrementAndGet();
        }
    }

    /** The tap is going away: the reader sees {@link #ended()} once the queue is drained. */
    void end() {
        ended = true;
        queue.offer(END);
    }

    /**
     * The next matching event, or null when none came within the timeout or the tap went away.
     *
     * @throws InterruptedException when the reading thread is interrupted (Ctrl-C in the shell)
     */
    Event poll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            KeptEvent kept = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (kept == null || kept == END) {
                return null;
            }
            Event event = kept.event();
            if (filter.test(event)) {
                return event;
            }
        }
    }

    /** The events skipped since the last call, because the reader fell behind. */
    long takeSkipped() {
        return skipped.getAndSet(0);
    }

    /** Whether the tap went away (the shell bundle stopping); no event follows. */
    boolean ended() {
        return ended && queue.isEmpty();
    }

    @Override
    public void close() {
        ended = true;
        source.unfollow(this);
    }
}
