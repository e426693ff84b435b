package io.stratastor.rodent.events.core.impl.shipping;

import java.time.Duration;

/**
 * The token bucket of {@code replay_rate}: while a backlog drains, a new batch goes only when the
 * bucket holds its events. A backlog: more events unsent than one full batch; the drain lasts until
 * nothing is unsent. Outside a drain batches go at once and take nothing from the bucket. A drain
 * starts from an empty bucket, which refills at the rate on the shipping clock and holds one
 * second's worth at most: sent back to back, a backlog goes at no more than the rate in any second;
 * after a stall (Toggle slow, a backoff) at most one second's worth goes at once. A batch bigger
 * than a second's worth waits for a full bucket and leaves it in debt, which the refill repays
 * before the next batch, so the rate holds over time and no batch waits forever. Tokens are counted
 * in billionths of an event, so that a wait of whole nanoseconds refills exactly. Shipper thread only.
 */
final class ReplayBucket {
    private static final long UNIT = 1_000_000_000L;

    private int rate;
    private long tokens;
    private long refilledAt;
    private boolean draining;

    /** Takes note of {@code unsent} events waiting to go, {@code batchSize} a full batch: a drain starts or ends. */
    void watch(long unsent, int batchSize, long now) {
        if (unsent > batchSize) {
            if (!draining) {
                tokens = 0;
                refilledAt = now;
            }
            draining = true;
        } else if (unsent <= 0) {
            draining = false;
        }
    }

    /**
     * How long the next batch of {@code events} must wait under {@code rate} events per second
     * ({@code 0}: unlimited); zero when it may go now: no drain, or the bucket holds its events.
     */
    Duration hold(int rate, int events, long now) {
        adjust(rate, now);
        if (rate == 0 || !draining) {
            return Duration.ZERO;
        }
        long needed = Math.min(events, rate) * UNIT;
        if (tokens >= needed) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((needed - tokens + rate - 1) / rate);
    }

    /** Takes a sent batch of {@code events} from the bucket while a backlog drains. */
    void sent(int events) {
        if (rate != 0 && draining) {
            tokens -= events * UNIT;
        }
    }

    // Refills by the time passed at the old rate; a rate set where there was none starts with an empty
    // bucket, a changed one keeps what it holds, at most its new capacity.
    private void adjust(int newRate, long now) {
        long elapsed = now - refilledAt;
        refilledAt = now;
        if (rate != 0 && elapsed > 0) {
            // At most what fills the bucket from where it is, so the product stays within a long.
            long toFull = (rate * UNIT - tokens + rate - 1) / rate;
            tokens = Math.min(rate * UNIT, tokens + Math.min(elapsed, toFull) * rate);
        }
        if (newRate != rate) {
            tokens = rate == 0 ? 0 : Math.min(tokens, newRate * UNIT);
            rate = newRate;
        }
    }
}
