package io.stratastor.rodent.events.core.check;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every check the core makes of an event before it takes it, in the order it makes them: the
 * type's form, the schema (type of the emitter's category, the type's payload), level, source,
 * metadata without empty keys or null values, lengths and counts, the node's own metadata prefix,
 * the payload's size and finite numbers, printable text, and the encoded event's size. Each
 * refusal is an {@link IllegalArgumentException} naming the problem. The core's pipeline runs the
 * same methods; the test support runs them to refuse exactly what the core refuses. Thread-safe.
 */
@ProviderType
public final class EventChecks {
    private final EventValidator validator;

    public EventChecks(EventCatalog catalog) {
        this.validator = new EventValidator(catalog);
    }

    /**
     * The checks made before the event is encoded (the printable-text check is made while
     * encoding: {@link #checkPrintable}).
     *
     * @param legacy whether the event came through the backward-compatible API, which takes a
     *     plain-map payload for any type and any well-formed type the catalogue lacks
     * @return whether the type is one the catalogue lacks (possible only with {@code legacy})
     */
    public boolean check(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean legacy) {
        if (metadata != null && metadata.size() > EventLimits.MAX_METADATA_ENTRIES) {
            // Refused by its count before anything walks a map of a million entries.
            EventLimits.checkSourceAndMetadataLengths(eventType, source, metadata);
        }
        boolean uncatalogued = false;
        // A type the schema knows is well-formed; the form is checked only for the clearer error.
        if (!validator.knows(eventType)) {
            EventLimits.checkEventType(eventType);
            uncatalogued = true;
        }
        validator.validate(category, eventType, level, source, payload, metadata, legacy);
        EventLimits.checkSourceAndMetadataLengths(eventType, source, metadata);
        PayloadDepth.check(eventType, payload);
        EventLimits.checkPayload(eventType, payload);
        return uncatalogued;
    }

    /** Control characters in the source or the metadata are refused, naming the field. */
    public static void checkPrintable(String eventType, String source, Map<String, String> metadata) {
        EventLimits.checkSourceAndMetadata(eventType, source, metadata);
    }

    /** An encoded event over the core's limit is refused. */
    public static void checkEncodedSize(String eventType, int encodedSize) {
        EventLimits.checkEventSize(eventType, encodedSize);
    }
}
