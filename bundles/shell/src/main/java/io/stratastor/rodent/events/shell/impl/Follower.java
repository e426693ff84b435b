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
 * events, newer ones are counted as skipped rather than held. Thread-safe: any thread offers, one
 * thread takes.
 */
final class Follower implements AutoCloseable {
    static final int CAPACITY = 10_000;
    // Put in the queue to wake the reader when the tap goes away.
    private static final Event END = Event.getDefaultInstance();

    private final RecentEvents source;
    private final Predicate<Event> filter;
    private final List<Event> history;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean ended;

    Follower(RecentEvents source, Predicate<Event> filter, List<Event> history) {
        this.source = source;
        this.filter = filter;
        this.history = List.copyOf(history);
    }

    /** The kept events that matched when following began, oldest first. */
    List<Event> history() {
        return history;
    }

    void offer(Event event) {
        if (!ended && filter.test(event) && (queue.size() >= CAPACITY || !queue.offer(event))) {
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
        Event event = queue.poll(timeout, unit);
        return event == END ? null : event;
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
