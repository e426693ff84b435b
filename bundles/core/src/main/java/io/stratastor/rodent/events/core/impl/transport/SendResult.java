package io.stratastor.rodent.events.core.impl.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one send with a short, secret-free detail for stats and logs (a gRPC status
 * code and description, or Toggle's message), and the wait Toggle asked for before the next send
 * ({@code grpc-retry-pushback-ms}), null when it asked for none.
 */
public record SendResult(SendOutcome outcome, String detail, Duration pushback) {
    public SendResult {
        Objects.requireNonNull(outcome);
        detail = detail == null ? "" : detail;
    }

    public SendResult(SendOutcome outcome, String detail) {
        this(outcome, detail, null);
    }
}
