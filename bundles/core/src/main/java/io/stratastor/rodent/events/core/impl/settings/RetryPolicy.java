package io.stratastor.rodent.events.core.impl.settings;

import java.time.Duration;
import java.util.Random;

/**
 * The delay before the next send of a failed batch: exponential from {@code base}, growing for
 * {@code maxAttempts} attempts and then staying at its ceiling (never above {@code max}), with
 * jitter in [delay/2, delay]. There is no last attempt: a batch is retried until it is delivered.
 * Pure and thread-safe.
 */
public final class RetryPolicy {
    private final Duration base;
    private final Duration max;
    private final int maxAttempts;

    public RetryPolicy(Duration base, Duration max, int maxAttempts) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < base <= max and maxAttempts >= 1");
        }
        this.base = base;
        this.max = max;
        this.maxAttempts = maxAttempts;
    }

    /** The delay after the {@code attempt}-th consecutive failure (1 for the first). */
    public Duration delay(int attempt, Random random) {
        Duration ceiling = ceiling(attempt);
        long nanos = ceiling.toNanos();
        long half = nanos / 2;
        return Duration.ofNanos(half + (long) (random.nextDouble() * (nanos - half)));
    }

    /** The delay before jitter. */
    public Duration ceiling(int attempt) {
        int exponent = Math.min(Math.max(attempt, 1), maxAttempts) - 1;
        long nanos = base.toNanos();
        for (int i = 0; i < exponent && nanos < max.toNanos(); i++) {
            nanos *= 2;
        }
        return Duration.ofNanos(Math.min(nanos, max.toNanos()));
    }
}
