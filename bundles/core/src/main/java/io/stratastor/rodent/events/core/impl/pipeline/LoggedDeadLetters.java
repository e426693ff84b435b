package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.proto.EventBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters of the walking skeleton: each refused batch is logged once (id, size, Toggle's
 * reason) and counted by the shipper; the dead-letter file comes with the durable spool.
 * Stateless and thread-safe.
 */
public final class LoggedDeadLetters implements DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedDeadLetters.class);

    @Override
    public void add(EventBatch batch, String reason) {
        LOG.warn("Toggle refused batch {} of {} events for good ({}); not resent", batch.getBatchId(), batch.getEventsCount(), reason);
    }
}
