package io.stratastor.rodent.events.webconsole.impl;

import java.util.Map;
import java.util.Optional;

/**
 * What the page says after a POST redirected back to it ({@code ?done=…}): one of a fixed set of
 * messages, so that a crafted link can only show what the page itself would. Stateless.
 */
final class Outcome {
    static final String RESENT = "resent";
    static final String RESENT_ALL = "resent-all";
    static final String UNKNOWN_BATCH = "unknown-batch";
    static final String NOT_RUNNING = "not-running";

    /** A notice's style and text. */
    record Notice(String cssClass, String message) {
    }

    private Outcome() {
    }

    static Optional<Notice> describe(Map<String, String> query) {
        String done = query.get("done");
        if (done == null) {
            return Optional.empty();
        }
        String batch = query.getOrDefault("batch", "");
        String events = count(query.get("events"));
        return switch (done) {
            case RESENT -> Optional.of(new Notice("success", "Dead letter " + batch + " queued again: " + events + " events."));
            case RESENT_ALL -> Optional.of(new Notice("success", "Every dead letter queued again: " + events + " events."));
            case UNKNOWN_BATCH -> Optional.of(new Notice("error", "No dead letter has batch id " + batch
                    + " (sent again already?); nothing was done."));
            case NOT_RUNNING -> Optional.of(new Notice("error", ConsolePage.NOT_RUNNING + " Nothing was sent again."));
            default -> Optional.empty();
        };
    }

    // Only digits are echoed.
    private static String count(String events) {
        return events != null && events.matches("\\d{1,10}") ? events : "?";
    }
}
