package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.proto.EventBatch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Toggle stand-in answering with scripted outcomes, then DELIVERED, or leaving each answer to the
 * test ({@link #holdAnswers}); records every attempt, its wire bytes, and those read as the node's
 * {@code EventBatch} (fields 1–8 are the same in 2025-09). Thread-safe.
 */
public final class ScriptedTransport implements ToggleTransport {
    /** One send: the batch as read then, a copy of its bytes, and the array they were sent from (to compare by identity). */
    public record Attempt(EventBatch batch, byte[] bytes, byte[] array, String token, CompletableFuture<SendResult> answer) {
    }

    private final Deque<SendResult> script = new ArrayDeque<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private String acceptedToken;
    private boolean holding;
    private boolean closed;

    public synchronized ScriptedTransport then(SendOutcome outcome, int times) {
        for (int i = 0; i < times; i++) {
            script.addLast(new SendResult(outcome, outcome.name().toLowerCase()));
        }
        return this;
    }

    /** Answers the next {@code times} sends RETRY with {@code RESOURCE_EXHAUSTED}, asking for a wait of {@code asked}. */
    public synchronized ScriptedTransport thenPushedBack(Duration asked, int times) {
        for (int i = 0; i < times; i++) {
            script.addLast(new SendResult(SendOutcome.RETRY, "RESOURCE_EXHAUSTED: slow down", asked));
        }
        return this;
    }

    /** Answers AUTH_BLOCKED to every token but this one. */
    public synchronized ScriptedTransport acceptOnlyToken(String token) {
        acceptedToken = token;
        return this;
    }

    /** Answers nothing until the test does, with {@link #answer}, in any order. */
    public synchronized ScriptedTransport holdAnswers() {
        holding = true;
        return this;
    }

    // Answers at once, on the caller's thread, unless holding: the shipper must cope with that as with a late answer.
    @Override
    public synchronized CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
        CompletableFuture<SendResult> answer = new CompletableFuture<>();
        attempts.add(new Attempt(batch.decode(), batch.bytes(), batch.array(), token, answer));
        if (acceptedToken != null && !acceptedToken.equals(token)) {
            answer.complete(new SendResult(SendOutcome.AUTH_BLOCKED, "UNAUTHENTICATED: bad signature"));
        } else if (!holding) {
            answer.complete(script.isEmpty() ? new SendResult(SendOutcome.DELIVERED, "delivered") : script.removeFirst());
        }
        return answer;
    }

    /** Answers the {@code attempt}-th send (from 0) of a holding transport. */
    public void answer(int attempt, SendOutcome outcome) {
        attempts().get(attempt).answer().complete(new SendResult(outcome, outcome.name()));
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized List<EventBatch> delivered() {
        List<EventBatch> result = new ArrayList<>();
        // The last attempt of each batch id is the one that got through, when anything did.
        for (Attempt attempt : attempts) {
            result.removeIf(b -> b.getBatchId().equals(attempt.batch().getBatchId()));
            result.add(attempt.batch());
        }
        return result;
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
