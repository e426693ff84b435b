package io.stratastor.rodent.events.upstream;

import java.util.List;

/**
 * A {@code rodent.EventBatch} as a strict decoder read it; an immutable value.
 *
 * @param batchId the {@code batch_id}
 * @param batchTimestamp the {@code batch_timestamp}, Unix milliseconds
 * @param events every event of the batch, in order, each with its own problems
 * @param problems the problems of the batch itself (not of its events): unknown fields, or bytes
 *     that are no {@code rodent.EventBatch} at all (then there are no events)
 */
public record DecodedBatch(String batchId, long batchTimestamp, List<DecodedEvent> events, List<String> problems) {

    /** Copies the lists. */
    public DecodedBatch {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** Whether the batch and every one of its events decoded without a problem. */
    public boolean decodable() {
        return problems.isEmpty() && events.stream().allMatch(DecodedEvent::decodable);
    }

    /** The batch's problems, then each event's, in order. */
    public List<String> allProblems() {
        return java.util.stream.Stream.concat(problems.stream(), events.stream().flatMap(event -> event.problems().stream())).toList();
    }
}
