package io.stratastor.rodent.events.api.spi;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A category's default sources, by the one rule of docs/IMPLEMENTATION.md ("Default sources"): an
 * event emitted without a source takes the source of its type's payload message in the schema.
 * Each category bundle holds one, made from its table, for {@code CategoryEmitter.emit} with a null
 * source. Immutable and thread-safe.
 */
public final class DefaultSources {
    private final Map<String, String> byType;

    private DefaultSources(Map<String, String> byType) {
        this.byType = Map.copyOf(byType);
    }

    /**
     * The default sources of {@code category}'s types.
     *
     * @param byPayload the source of each payload message, by its full name
     *     ({@code rodent.events.StoragePoolPayload}); the key {@code ""} stands for the types without one
     */
    public static DefaultSources of(Category category, Map<String, String> byPayload) {
        Objects.requireNonNull(byPayload, "byPayload");
        Map<String, String> byType = new HashMap<>();
        for (EventTypeDefinition type : Schema.CATALOG.types(category.wireValue())) {
            String source = byPayload.get(type.payloadTypeName());
            if (source != null) {
                byType.put(type.eventType(), source);
            }
        }
        return new DefaultSources(byType);
    }

    /**
     * The default source of a type of the category; null for a type the schema lacks or one of
     * another category, which the core refuses for its type before it looks at the source.
     */
    public String of(String eventType) {
        return eventType == null ? null : byType.get(eventType);
    }

    // Read once, when the first category bundle makes its table.
    private static final class Schema {
        static final EventCatalog CATALOG = EventCatalog.fromSchema();
    }
}
