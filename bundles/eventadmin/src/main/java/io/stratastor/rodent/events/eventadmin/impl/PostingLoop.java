package io.stratastor.rodent.events.eventadmin.impl;

import io.stratastor.rodent.events.proto.Event;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between the emitting threads and Event Admin: {@link #offer} keeps an envelope's
 * bytes if fewer than the capacity wait, else counts it as {@code full}, and never blocks; the
 * loop's own thread parses each envelope, builds its properties and calls
 * {@link EventAdmin#postEvent}. A failure there is counted and logged, and the loop goes on. The
 * capacity is read at each offer, so a change applies at once and nothing waiting is dropped.
 * Thread-safe: any thread offers, one thread posts.
 */
final class PostingLoop {
    static final String THREAD_NAME = "rodent-events-eventadmin";
    private static final Logger LOG = LoggerFactory.getLogger(PostingLoop.class);
    private static final byte[] STOP = new byte[0];
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final EventAdmin eventAdmin;
    private final EventProperties properties;
    private final BridgeCounters counters;
    private final IntSupplier capacity;
    private final LinkedBlockingQueue<byte[]> waiting = new LinkedBlockingQueue<>();
    // Reserved before an envelope is queued and released when it is taken, so the bound is exact.
    private final AtomicInteger reserved = new AtomicInteger();
    private final RateLimitedLog fullLog;
    private final RateLimitedLog failureLog;
    private final Thread thread;
    private volatile boolean stopped;

    PostingLoop(EventAdmin eventAdmin, EventProperties properties, BridgeCounters counters, IntSupplier capacity,
            LongSupplier nanoTime) {
        this.eventAdmin = eventAdmin;
        this.properties = properties;
        this.counters = counters;
        this.capacity = capacity;
        this.fullLog = new RateLimitedLog(LOG_INTERVAL_NANOS, nanoTime);
        this.failureLog = new RateLimitedLog(LOG_INTERVAL_NANOS, nanoTime);
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The envelope's bytes, which the loop now owns; false, counted, when the hand-off is full or stopped. */
    boolean offer(byte[] encoded) {
        if (stopped) {
            counters.failed.increment();
            return false;
        }
        if (reserved.incrementAndGet() > capacity.getAsInt()) {
            reserved.decrementAndGet();
            counters.full.increment();
            fullLog.maybe(() -> LOG.warn("Event Admin hand-off full ({} waiting): {} event(s) not posted since start",
                    capacity.getAsInt(), counters.full.sum()));
            return false;
        }
        waiting.add(encoded);
        // Raced with stop: take it back unless stop or the loop already did, so it is counted once.
        if (stopped && waiting.remove(encoded)) {
            reserved.decrementAndGet();
            counters.failed.increment();
            return false;
        }
        return true;
    }

    int pending() {
        return reserved.get();
    }

    /**
     * Posts what is waiting, then stops, within {@code bound}; what is still waiting then is counted
     * as failed and logged. Idempotent.
     */
    void stop(Duration bound) throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        waiting.add(STOP);
        thread.join(bound.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(bound.toMillis());
        }
        int left = 0;
        for (byte[] encoded = waiting.poll(); encoded != null; encoded = waiting.poll()) {
            if (encoded != STOP) {
                left++;
            }
        }
        if (left > 0) {
            reserved.addAndGet(-left);
            counters.failed.add(left);
            LOG.warn("Event Admin bridge stopped with {} event(s) not posted", left);
        }
    }

    private void run() {
        try {
            for (byte[] encoded = waiting.take(); encoded != STOP; encoded = waiting.take()) {
                reserved.decrementAndGet();
                post(encoded);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(byte[] encoded) {
        try {
            Event event = Event.parseFrom(encoded);
            Map<String, Object> eventProperties = properties.of(event);
            eventAdmin.postEvent(new org.osgi.service.event.Event(EventTopics.topicOf(event.getEventType()), eventProperties));
            counters.posted.increment();
        } catch (Exception e) {
            // Event Admin's own failures included (it may be stopping): count, log now and then, go on.
            counters.failed.increment();
            failureLog.maybe(() -> LOG.warn("Event Admin bridge could not post an event ({} failure(s) since start): {}",
                    counters.failed.sum(), e.toString()));
        }
    }
}
