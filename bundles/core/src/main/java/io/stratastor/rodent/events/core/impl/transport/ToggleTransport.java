package io.stratastor.rodent.events.core.impl.transport;

import io.stratastor.rodent.events.proto.EventBatch;
import java.time.Duration;

/** Sends one batch to Toggle and maps the answer to an outcome. Implementations are thread-safe. */
public interface ToggleTransport extends AutoCloseable {

    /**
     * Sends a batch and waits for Toggle's answer or the deadline. Never throws for a run-time
     * condition: every failure is an outcome.
     *
     * @param token the bearer token to present, or empty to present none
     */
    SendResult send(EventBatch batch, String token, Duration deadline);

    /** Releases the connection and its threads within a bounded time; idempotent. */
    @Override
    void close();
}
