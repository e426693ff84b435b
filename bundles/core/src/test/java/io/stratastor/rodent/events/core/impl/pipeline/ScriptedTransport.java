package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.proto.EventBatch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Toggle stand-in answering with scripted outcomes, then DELIVERED; records every attempt, its
 * wire bytes read as the node's {@code EventBatch} (fields 1–8 are the same in 2025-09). Thread-safe.
 */
final class ScriptedTransport implements ToggleTransport {
    record Attempt(EventBatch batch, String token) {
    }

    private final Deque<SendOutcome> script = new ArrayDeque<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private String acceptedToken;

    synchronized ScriptedTransport then(SendOutcome outcome, int times) {
        for (int i = 0; i < times; i++) {
            script.addLast(outcome);
        }
        return this;
    }

    /** Answers AUTH_BLOCKED to every token but this one. */
    synchronized ScriptedTransport acceptOnlyToken(String token) {
        acceptedToken = token;
        return this;
    }

    // Answers at once, on the caller's thread: the shipper must cope with that as with a late answer.
    @Override
    public synchronized CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
        attempts.add(new Attempt(batch.decode(), token));
        if (acceptedToken != null && !acceptedToken.equals(token)) {
            return CompletableFuture.completedFuture(new SendResult(SendOutcome.AUTH_BLOCKED, "UNAUTHENTICATED: bad signature"));
        }
        SendOutcome outcome = script.isEmpty() ? SendOutcome.DELIVERED : script.removeFirst();
        return CompletableFuture.completedFuture(new SendResult(outcome, outcome.name().toLowerCase()));
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<EventBatch> delivered() {
        List<EventBatch> result = new ArrayList<>();
        // The last attempt of each batch id is the one that got through, when anything did.
        for (Attempt attempt : attempts) {
            result.removeIf(b -> b.getBatchId().equals(attempt.batch().getBatchId()));
            result.add(attempt.batch());
        }
        return result;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
