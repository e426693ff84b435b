package io.stratastor.rodent.events.core.impl.transport;

import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends batches to Toggle and maps each answer to an outcome. Several sends may be outstanding at
 * once. Implementations are thread-safe.
 */
public interface ToggleTransport extends AutoCloseable {

    /**
     * Sends a batch without waiting. The result completes with Toggle's answer or when the deadline
     * passes, possibly on the calling thread; it never completes exceptionally and the call never
     * throws for a run-time condition: every failure is an outcome.
     *
     * <p>The batch's {@link EncodedBatch#array() array} is the transport's to read until the result
     * completes and no longer: the shipper then reuses it for a later batch. A transport that keeps
     * the bytes longer keeps {@link EncodedBatch#bytes() a copy}.
     *
     * @param token the bearer token to present, or empty to present none
     */
    CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline);

    /** Releases the connection and its threads within a bounded time; idempotent. */
    @Override
    void close();
}
