package io.stratastor.rodent.events.core.impl.shipping;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How the shipper thread sleeps and is woken, and how a flush waits for the store to empty.
 * Thread-safe.
 */
final class Wakeups {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private boolean signalled;
    // Written under the lock; read by the shipper thread, which takes the lock each time it sleeps.
    private int flushRequests;

    /** Wakes the shipper thread, or makes its next {@link #await} return at once. */
    void wake() {
        lock.lock();
        try {
            signalled = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@link #wake()} (since the last wait) or {@code nanos}; {@code Long.MAX_VALUE} has no timeout. */
    void await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (!signalled && nanos > 0) {
                if (nanos == Long.MAX_VALUE) {
                    wakeUp.await();
                } else {
                    wakeUp.awaitNanos(nanos);
                }
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a flush is waiting: pending events go without waiting for the batch timeout. */
    boolean flushRequested() {
        return flushRequests > 0;
    }

    /** The store forgot batches: a waiting flush looks again. */
    void forgotten() {
        lock.lock();
        try {
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the shipper with a flush requested and waits until {@code empty} or {@code timeout}
     * passes on {@code clock}.
     *
     * @return whether {@code empty} held at return
     */
    boolean flush(Duration timeout, ShippingClock clock, BooleanSupplier empty) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            flushRequests++;
            signalled = true;
            wakeUp.signalAll();
            while (!empty.getAsBoolean()) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.awaitNanos(left);
            }
            return true;
        } finally {
            flushRequests--;
            lock.unlock();
        }
    }
}
