package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.DecodedBatch;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The deduplicating record of what the sink received, decoded and generation-neutral, with its
 * counters; events that did not decode are kept too, with their problems, and counted. Thread-safe: admissions
 * run one at a time (so outputs keep arrival order), readers take a second, short-held lock.
 */
final class EventLedger {

    /** Receives the events of a batch that were not seen before, before they are recorded. */
    interface FreshEventsWriter {
        void write(List<DecodedEvent> fresh) throws IOException;
    }

    /** What a batch brought: its new events in batch order, how many were duplicates, whether its id was seen before. */
    record Admission(List<DecodedEvent> fresh, int duplicates, boolean repeatedBatchId) {
        /** The new events that did not decode. */
        List<DecodedEvent> undecodable() {
            return fresh.stream().filter(event -> !event.decodable()).toList();
        }
    }

    private final boolean retainEvents;
    private final ReentrantLock admissionLock = new ReentrantLock();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition uniqueGrew = stateLock.newCondition();
    private final Condition receivedGrew = stateLock.newCondition();
    private final Set<String> eventIds = new HashSet<>();
    private final Set<String> batchIds = new HashSet<>();
    private final List<DecodedEvent> uniqueEvents = new ArrayList<>();
    private Counts counts = Counts.NONE;

    EventLedger(boolean retainEvents) {
        this.retainEvents = retainEvents;
    }

    /**
     * Admits a batch: hands its new events to {@code writer}, then records them. When the writer
     * fails nothing is recorded, so the client's retry of the same batch is not mistaken for a duplicate.
     */
    Admission admit(DecodedBatch batch, FreshEventsWriter writer) throws IOException {
        admissionLock.lock();
        try {
            Admission admission = examine(batch);
            writer.write(admission.fresh());
            record(batch, admission);
            return admission;
        } finally {
            admissionLock.unlock();
        }
    }

    private Admission examine(DecodedBatch batch) {
        stateLock.lock();
        try {
            List<DecodedEvent> fresh = new ArrayList<>(batch.events().size());
            Set<String> idsInBatch = new HashSet<>();
            int duplicates = 0;
            for (DecodedEvent event : batch.events()) {
                if (eventIds.contains(event.eventId()) || !idsInBatch.add(event.eventId())) {
                    duplicates++;
                } else {
                    fresh.add(event);
                }
            }
            boolean repeated = !batch.batchId().isEmpty() && batchIds.contains(batch.batchId());
            return new Admission(List.copyOf(fresh), duplicates, repeated);
        } finally {
            stateLock.unlock();
        }
    }

    private void record(DecodedBatch batch, Admission admission) {
        stateLock.lock();
        try {
            for (DecodedEvent event : admission.fresh()) {
                eventIds.add(event.eventId());
                if (retainEvents) {
                    uniqueEvents.add(event);
                }
            }
            if (!batch.batchId().isEmpty()) {
                batchIds.add(batch.batchId());
            }
            counts = new Counts(counts.received() + batch.events().size(),
                    counts.unique() + admission.fresh().size(),
                    counts.duplicates() + admission.duplicates(),
                    counts.batches() + 1,
                    counts.repeatedBatchIds() + (admission.repeatedBatchId() ? 1 : 0),
                    counts.rejectedCalls(),
                    counts.undecodable() + admission.undecodable().size());
            if (!admission.fresh().isEmpty()) {
                uniqueGrew.signalAll();
            }
            if (!batch.events().isEmpty()) {
                receivedGrew.signalAll();
            }
        } finally {
            stateLock.unlock();
        }
    }

    /**
     * Records a batch of a counting sink: {@code events} more received, one more batch; nothing is
     * kept, no id is looked at, so unique and duplicates stay as they are.
     */
    void recordCounted(long events) {
        stateLock.lock();
        try {
            counts = new Counts(counts.received() + events, counts.unique(), counts.duplicates(), counts.batches() + 1,
                    counts.repeatedBatchIds(), counts.rejectedCalls(), counts.undecodable());
            if (events > 0) {
                receivedGrew.signalAll();
            }
        } finally {
            stateLock.unlock();
        }
    }

    void recordRejectedCall() {
        stateLock.lock();
        try {
            counts = new Counts(counts.received(), counts.unique(), counts.duplicates(), counts.batches(),
                    counts.repeatedBatchIds(), counts.rejectedCalls() + 1, counts.undecodable());
        } finally {
            stateLock.unlock();
        }
    }

    Counts counts() {
        stateLock.lock();
        try {
            return counts;
        } finally {
            stateLock.unlock();
        }
    }

    List<DecodedEvent> uniqueEvents() {
        stateLock.lock();
        try {
            return List.copyOf(uniqueEvents);
        } finally {
            stateLock.unlock();
        }
    }

    /** Waits until at least {@code n} of the unique events kept match {@code which}. */
    boolean awaitUnique(java.util.function.Predicate<DecodedEvent> which, long n, Duration timeout) {
        return await(uniqueGrew, () -> uniqueEvents.stream().filter(which).count() >= n, timeout);
    }

    /** Waits until at least {@code n} events were received, duplicates included; false as {@link #awaitUnique(long, Duration)}. */
    boolean awaitReceived(long n, Duration timeout) {
        return await(receivedGrew, () -> counts.received() >= n, timeout);
    }

    /** Waits until at least {@code n} unique events arrived; false when the timeout passed first or the thread was interrupted. */
    boolean awaitUnique(long n, Duration timeout) {
        return await(uniqueGrew, () -> counts.unique() >= n, timeout);
    }

    // Under the state lock: until `reached` holds, signalled by `grew`.
    private boolean await(Condition grew, java.util.function.BooleanSupplier reached, Duration timeout) {
        long remaining = timeout.toNanos();
        stateLock.lock();
        try {
            while (!reached.getAsBoolean()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = grew.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reached.getAsBoolean();
        } finally {
            stateLock.unlock();
        }
    }
}
