package io.stratastor.rodent.events.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The batches Toggle refused for good, kept on the node until an operator sends them again (once
 * the cause is fixed at Toggle or in the emitting module). Registered by the core bundle;
 * thread-safe.
 */
@ProviderType
public interface DeadLetterQueue {

    /** The kept batches, oldest first. */
    List<DeadLetter> list();

    /**
     * Puts the events of one kept batch back into the spool — same event ids, so Toggle can tell
     * them from new ones — and forgets the dead letter.
     *
     * @return the number of events queued again
     * @throws IllegalArgumentException when no dead letter has that batch id; the message lists the known ones
     */
    int resend(String batchId);

    /** {@link #resend} of every kept batch; returns the number of events queued again. */
    int resendAll();
}
