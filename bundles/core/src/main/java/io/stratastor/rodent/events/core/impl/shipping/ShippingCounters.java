package io.stratastor.rodent.events.core.impl.shipping;

import java.util.concurrent.atomic.LongAdder;

/** What the shipper counts. Thread-safe: written on the shipper thread, read from any. */
public final class ShippingCounters {
    final LongAdder sent = new LongAdder();
    final LongAdder batchesSent = new LongAdder();
    final LongAdder failedSends = new LongAdder();
    final LongAdder authFailures = new LongAdder();
    final LongAdder pushbacks = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder wireCarried = new LongAdder();

    /** Events Toggle acknowledged. */
    public long sent() {
        return sent.sum();
    }

    public long batchesSent() {
        return batchesSent.sum();
    }

    /** Sends that failed and will be tried again, refused tokens included. */
    public long failedSends() {
        return failedSends.sum();
    }

    public long authFailures() {
        return authFailures.sum();
    }

    /** Failed sends whose answer asked for a wait ({@code grpc-retry-pushback-ms}). */
    public long pushbacks() {
        return pushbacks.sum();
    }

    /** Events of batches Toggle answered with {@code success = false}, kept as dead letters. */
    public long deadLettered() {
        return deadLettered.sum();
    }

    /** Events that needed a carrier in the generation they were first sent in. */
    public long wireCarried() {
        return wireCarried.sum();
    }
}
