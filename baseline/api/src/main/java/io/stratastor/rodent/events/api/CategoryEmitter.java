package io.stratastor.rodent.events.api;

import com.google.protobuf.Message;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The untyped face of a category's emitter, for tools that handle every type alike (the shell's
 * {@code events:emit}, replay tools). Each category bundle registers its typed emitter under
 * this interface too, with the service property {@value #CATEGORY_PROPERTY} set to the
 * category's {@linkplain Category#label() label}. Modules use the typed interface instead.
 * Thread-safe.
 */
@ProviderType
public interface CategoryEmitter {

    /** The service property holding the emitter's category label, e.g. {@code storage}. */
    String CATEGORY_PROPERTY = "rodent.events.category";

    /** The category whose events this emitter takes. */
    Category category();

    /**
     * Emits an event of this category.
     *
     * @param source the emitting component; null means the emitter's default for the type
     * @param eventType a dotted event type of this category
     * @param level the event's level
     * @param payload the type's payload message (a generated message or a
     *     {@code DynamicMessage} of the same descriptor), or null for a type without one
     * @param metadata context entries; null means none
     * @throws IllegalArgumentException as {@link io.stratastor.rodent.events.api.spi.EventPublisher#publish} does
     */
    void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata);
}
