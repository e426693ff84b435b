package io.stratastor.rodent.events.toggle;

/**
 * A snapshot of what a {@link ToggleSink} has received; an immutable value, safe to share.
 *
 * @param received events in accepted calls, duplicates included
 * @param unique events with an {@code event_id} not seen before
 * @param duplicates events whose {@code event_id} was already seen (in an earlier batch or the same one)
 * @param batches accepted {@code SendEvents} calls
 * @param repeatedBatchIds accepted calls whose {@code batch_id} was already seen (client retries)
 * @param rejectedCalls calls refused before reaching the service (authentication)
 * @param undecodable unique events that did not decode strictly in the sink's wire generation (they
 *     are kept, with their problems); a batch that does not parse at all adds nothing here
 */
public record Counts(long received, long unique, long duplicates, long batches, long repeatedBatchIds, long rejectedCalls,
        long undecodable) {

    /** The counts of a sink that has received nothing. */
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

    /**
     * One line, e.g. {@code received=3 unique=2 duplicates=1 batches=2 rejected_calls=0 repeated_batch_ids=1 undecodable=0}.
     */
    @Override
    public String toString() {
        return "received=" + received + " unique=" + unique + " duplicates=" + duplicates + " batches=" + batches
                + " rejected_calls=" + rejectedCalls + " repeated_batch_ids=" + repeatedBatchIds + " undecodable=" + undecodable;
    }
}
