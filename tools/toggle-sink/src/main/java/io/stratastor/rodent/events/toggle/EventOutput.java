package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Somewhere the sink puts each new unique event; called by one thread at a time (the ledger serialises admissions). */
interface EventOutput extends Closeable {

    /**
     * Writes the new events of one batch, in order, and flushes.
     *
     * @throws IOException when they could not be written; the batch is then not recorded and the client retries it
     */
    void write(List<DecodedEvent> events) throws IOException;
}
