package io.stratastor.rodent.events.core.impl.store;

import io.stratastor.rodent.events.proto.EventBatch;

/** Keeps batches Toggle refused for good ({@code success = false}). Implementations are thread-safe. */
public interface DeadLetters {

    /** Keeps a refused batch; {@code reason} is Toggle's message. Never throws. */
    void add(EventBatch batch, String reason);
}
