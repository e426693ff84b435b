package io.stratastor.rodent.events.api.spi;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pipeline's intake, implemented by the core bundle and called by the category bundles'
 * typed emitters. Modules use the typed emitters, not this. Thread-safe.
 */
@ProviderType
public interface EventPublisher {

    /**
     * Validates an event, wraps it in its envelope, and accepts it into the pipeline, or counts
     * it as filtered when its level or category is not enabled. Never blocks for long and never
     * throws for run-time conditions (Toggle down, buffer full).
     *
     * @param category the emitter's category; the event type must belong to it
     * @param eventType a dotted event type of the schema
     * @param level the event's level
     * @param source the emitting component; null or blank is refused
     * @param payload the type's payload message, or null for a type without one
     * @param metadata context entries; null means none
     * @throws IllegalArgumentException when the type is unknown or of another category, the payload
     *     is not the type's payload message, or the type, level or source is missing; the message
     *     names the problem and what was expected
     */
    void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata);

    /**
     * As {@link #publish}, for the backward-compatible API: the payload may also be a
     * {@code google.protobuf.Struct} whatever the type, and the event is counted as a legacy event
     * in the stats so the migration's progress shows.
     *
     * @throws IllegalArgumentException as {@link #publish} does
     */
    void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata);
}
