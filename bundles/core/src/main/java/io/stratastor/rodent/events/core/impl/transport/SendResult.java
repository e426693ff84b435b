package io.stratastor.rodent.events.core.impl.transport;

import java.util.Objects;

/**
 * The outcome of one send with a short, secret-free detail for stats and logs (a gRPC status
 * code and description, or Toggle's message).
 */
public record SendResult(SendOutcome outcome, String detail) {
    public SendResult {
        Objects.requireNonNull(outcome);
        detail = detail == null ? "" : detail;
    }
}
