package io.stratastor.rodent.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch Toggle refused for good ({@code success = false}), kept on the node. Immutable.
 */
public final class DeadLetter {
    private final String batchId;
    private final int eventCount;
    private final String reason;
    private final Instant keptAt;

    public DeadLetter(String batchId, int eventCount, String reason, Instant keptAt) {
        this.batchId = Objects.requireNonNull(batchId);
        this.eventCount = eventCount;
        this.reason = Objects.requireNonNull(reason);
        this.keptAt = Objects.requireNonNull(keptAt);
    }

    public String batchId() {
        return batchId;
    }

    public int eventCount() {
        return eventCount;
    }

    /** Toggle's message when it refused the batch. */
    public String reason() {
        return reason;
    }

    public Instant keptAt() {
        return keptAt;
    }

    @Override
    public String toString() {
        return batchId + " (" + eventCount + " events, kept " + keptAt + "): " + reason;
    }
}
