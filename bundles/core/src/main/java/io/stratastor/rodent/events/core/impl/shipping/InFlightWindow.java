package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.store.DeadLetters;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The batches sent and not yet forgotten, oldest first. Answers come on the transport's threads
 * and are queued; {@link #settle} takes them in on the shipper thread and forgets the answered
 * batches at the head, in order: the store can only forget its oldest events. All but
 * {@link #events()} and the queuing of answers is for the shipper thread only.
 */
public final class InFlightWindow {
    /**
     * Batches sent and not yet answered. One would leave the link idle while Toggle handles a
     * batch; a few overlap assembly, the round trip and Toggle's work. Retries stay in order.
     */
    public static final int MAX_IN_FLIGHT = 4;

    private final EventStore store;
    private final ShippingCounters stats;
    private final DeadLetters deadLetters;
    private final WireEncoders encoders;
    private final Runnable answerCame;
    // One buffer per batch in flight and one being assembled: batches reuse them rather than allocate.
    private final EncodedBatch.Assembler assembler = new EncodedBatch.Assembler(MAX_IN_FLIGHT + 1);
    private final ArrayDeque<PendingBatch> batches = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile int events;

    /** {@code answerCame} is called on the transport's thread after each answer is queued. */
    InFlightWindow(EventStore store, ShippingCounters stats, DeadLetters deadLetters, WireEncoders encoders, Runnable answerCame) {
        this.store = store;
        this.stats = stats;
        this.deadLetters = deadLetters;
        this.encoders = encoders;
        this.answerCame = answerCame;
    }

    /** Events of the batches in the window, which the store still holds too. Any thread. */
    int events() {
        return events;
    }

    boolean isEmpty() {
        return batches.isEmpty();
    }

    boolean isFull() {
        return batches.size() >= MAX_IN_FLIGHT;
    }

    /** Takes in a new batch of the store's next {@code records}, not yet sent. */
    PendingBatch open(List<ByteBuffer> records, long timestamp, String batchId) {
        PendingBatch batch = new PendingBatch(records, timestamp, batchId);
        batches.addLast(batch);
        events += batch.events();
        return batch;
    }

    /** Whether a batch waits to go (again): failed, refused its token, or on a transport since closed. */
    boolean anyWaiting() {
        for (PendingBatch batch : batches) {
            if (batch.status() == PendingBatch.Status.WAITING) {
                return true;
            }
        }
        return false;
    }

    /** Each waiting batch, oldest first. */
    void forEachWaiting(Consumer<PendingBatch> action) {
        for (PendingBatch batch : batches) {
            if (batch.status() == PendingBatch.Status.WAITING) {
                action.accept(batch);
            }
        }
    }

    /** Sends {@code batch} in the generation {@code toggle} reads; its answer is queued for {@link #settle}. */
    void send(PendingBatch batch, ToggleTransport transport, String token, ToggleSettings toggle) {
        EncodedBatch encoded = batch.encodedIn(toggle.schema(), encoders, assembler, stats);
        int attempt = batch.sending(token);
        transport.send(encoded, token, toggle.deadline()).whenComplete((result, error) -> {
            answers.add(new Answer(batch, attempt, error == null ? result
                    : new SendResult(SendOutcome.RETRY, error.getClass().getSimpleName())));
            answerCame.run();
        });
    }

    /**
     * Takes in the answers that came, each told to {@code answered} after the batch took it, then
     * forgets the answered batches at the head of the window, in order.
     *
     * @return whether the store forgot a batch
     */
    boolean settle(BiConsumer<PendingBatch, SendResult> answered) {
        Answer answer;
        while ((answer = answers.poll()) != null) {
            if (answer.batch.awaits(answer.attempt)) {
                answer.batch.answered(answer.result);
                answered.accept(answer.batch, answer.result);
            }
        }
        boolean forgotten = false;
        while (!batches.isEmpty() && batches.peekFirst().status().answered()) {
            PendingBatch batch = batches.removeFirst();
            // Counted before the store forgets the batch, so a flush that sees it empty sees it counted.
            if (batch.status() == PendingBatch.Status.DELIVERED) {
                stats.sent.add(batch.events());
                stats.batchesSent.increment();
            } else {
                deadLetters.add(batch.asStored(), batch.detail());
                stats.deadLettered.add(batch.events());
            }
            store.remove(batch.events());
            events -= batch.events();
            batch.releaseTo(assembler);
            forgotten = true;
        }
        if (forgotten) {
            store.sync();
        }
        return forgotten;
    }

    /** The transport the batches in flight went on is closed: they go again on the next one. */
    void transportClosed() {
        batches.forEach(PendingBatch::sendAgain);
    }

    private record Answer(PendingBatch batch, int attempt, SendResult result) {
    }
}
