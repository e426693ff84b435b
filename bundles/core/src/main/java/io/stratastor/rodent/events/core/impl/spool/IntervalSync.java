package io.stratastor.rodent.events.core.impl.spool;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the spool's force on a thread of its own every interval ({@link FsyncPolicy#INTERVAL}). Thread-safe. */
final class IntervalSync {
    private static final Logger LOG = LoggerFactory.getLogger(IntervalSync.class);
    private static final long JOIN_MILLIS = 10_000;

    private final Duration interval;
    private final Runnable force;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    IntervalSync(Duration interval, Runnable force) {
        this.interval = interval;
        this.force = force;
    }

    synchronized void start() {
        if (thread == null && stopped.getCount() > 0) {
            thread = new Thread(this::run, "rodent-events-spool-sync");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops the thread and waits for it, boundedly. Idempotent. */
    void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        stopped.countDown();
        if (running == null) {
            return;
        }
        try {
            running.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!stopped.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                force.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Event spool: periodic fsync stopped by an unexpected error; the spool forces again at close", e);
        }
    }
}
