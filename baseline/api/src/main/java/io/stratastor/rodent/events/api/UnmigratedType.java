package io.stratastor.rodent.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A dotted event type the catalogue lacks, sent through the backward-compatible API by a module
 * that has not migrated yet, with the source that sent it. An immutable value.
 *
 * @param eventType the dotted type, e.g. {@code security.user.created}
 * @param category the category of the method called, which it is shipped under
 * @param source the emitting component
 * @param count events of this type and source accepted since the core started
 * @param firstSeen when the first of them was accepted
 */
public record UnmigratedType(String eventType, Category category, String source, long count, Instant firstSeen) {
    public UnmigratedType {
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(category);
        Objects.requireNonNull(source);
        Objects.requireNonNull(firstSeen);
    }
}
