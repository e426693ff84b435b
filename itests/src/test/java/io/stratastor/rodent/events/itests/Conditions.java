package io.stratastor.rodent.events.itests;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, with a deadline, for a condition observable only by polling (the framework has no Awaitility). */
final class Conditions {
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Conditions() {
    }

    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; state: " + state.get());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
