package io.stratastor.rodent.events.core.check;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Map;

/**
 * Checks an event before it enters the pipeline: the schema's rules (type known and of the
 * emitter's category, payload the type's message) through {@link EventCatalog#check}, and the
 * envelope's (level and source present, metadata without nulls). Every refusal is an
 * {@link IllegalArgumentException} naming the problem and what was expected. Immutable and
 * thread-safe.
 */
final class EventValidator {
    private final EventCatalog catalog;

    public EventValidator(EventCatalog catalog) {
        this.catalog = catalog;
    }

    public void validate(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        validate(category, eventType, level, source, payload, metadata, false);
    }

    /** Whether the schema has this dotted type. */
    public boolean knows(String eventType) {
        return catalog.find(eventType).isPresent();
    }

    /**
     * Validates an event; with {@code structAllowed} (the backward-compatible path) a
     * {@value EventCatalog#STRUCT} payload is accepted for any type, and a type the catalogue
     * lacks is accepted with any payload (its form is checked by the caller).
     */
    public void validate(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean structAllowed) {
        if (category == null) {
            throw new IllegalArgumentException("category must not be null; expected one of " + java.util.Arrays.toString(Category.values()));
        }
        // The old API takes any well-formed type, as upstream did; the catalogue's types stay checked.
        if (!structAllowed || knows(eventType)) {
            catalog.check(category.wireValue(), eventType, payload, structAllowed);
        }
        if (level == null) {
            throw new IllegalArgumentException("level of " + eventType + " must not be null; expected one of " + java.util.Arrays.toString(Level.values()));
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source of " + eventType + " must not be empty; expected the emitting component's name");
        }
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (key == null || key.isEmpty() || value == null) {
                    throw new IllegalArgumentException("metadata of " + eventType + " has an empty key or a null value (key "
                            + key + "); expected non-empty keys (Meta constants) and non-null values");
                }
            });
        }
    }
}
