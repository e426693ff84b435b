package io.stratastor.rodent.events.core.impl.pipeline;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.util.Map;

/**
 * Checks an event against the schema before it enters the pipeline: the type is known and of the
 * emitter's category, the payload is the type's payload message, nothing required is missing.
 * Every refusal is an {@link IllegalArgumentException} naming the problem and what was expected.
 * Immutable and thread-safe.
 */
public final class EventValidator {
    private final EventCatalog catalog;

    public EventValidator(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** The payload message of a plain-map payload from the backward-compatible API. */
    public static final String STRUCT = "google.protobuf.Struct";

    public void validate(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        validate(category, eventType, level, source, payload, metadata, false);
    }

    /**
     * Validates an event; with {@code structAllowed} (the backward-compatible path) a
     * {@value #STRUCT} payload is accepted for any type.
     */
    public void validate(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean structAllowed) {
        if (category == null) {
            throw new IllegalArgumentException("category must not be null; expected one of the eight categories");
        }
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("event type must not be empty; expected a dotted " + category.label()
                    + " type such as an EventTypes." + category.name() + "_* constant");
        }
        EventTypeDefinition definition = catalog.find(eventType).orElseThrow(() -> new IllegalArgumentException(
                "unknown event type '" + eventType + "'; expected a " + category.label()
                        + " type of the schema (an EventTypes." + category.name() + "_* constant)"));
        Category typeCategory = Category.of(definition.category());
        if (typeCategory != category) {
            throw new IllegalArgumentException("event type '" + eventType + "' belongs to category " + typeCategory.label()
                    + ", not " + category.label() + "; emit it through the " + typeCategory.label() + " emitter");
        }
        if (level == null) {
            throw new IllegalArgumentException("level of " + eventType + " must not be null; expected INFO, WARN, ERROR or CRITICAL");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source of " + eventType + " must not be empty; expected the emitting component's name");
        }
        if (!(structAllowed && payload != null && STRUCT.equals(payload.getDescriptorForType().getFullName()))) {
            checkPayload(definition, payload);
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

    private static void checkPayload(EventTypeDefinition definition, Message payload) {
        String expected = definition.payloadTypeName();
        String actual = payload == null ? "" : payload.getDescriptorForType().getFullName();
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("event type '" + definition.eventType() + "' has no payload message, got "
                    + actual + "; expected no payload (null)");
        }
        throw new IllegalArgumentException("event type '" + definition.eventType() + "' expects payload " + expected
                + ", got " + (payload == null ? "null" : actual));
    }
}
