package io.stratastor.rodent.events.eventadmin.impl;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.event.EventConstants;

/**
 * The Event Admin properties of an envelope: every field the node keeps and ships to Toggle, under
 * the names docs/IMPLEMENTATION.md ("Event Admin") lists. {@code timestamp} is the emission time
 * in epoch milliseconds, which is also what {@link EventConstants#TIMESTAMP} (the same key) asks
 * for. A payload whose message this node's schema does not know keeps its type and bytes; a
 * payload that does not parse is left out of {@code payload} and counted by the caller.
 * Thread-safe: the catalogue is immutable.
 */
final class EventProperties {
    static final String ID = "id";
    static final String TYPE = "type";
    static final String LEVEL = "level";
    static final String CATEGORY = "category";
    static final String SOURCE = "source";
    static final String TIMESTAMP = EventConstants.TIMESTAMP;
    static final String METADATA = "metadata";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_MESSAGE = "payload.message";
    static final String PAYLOAD_TYPE = "payload.type";
    static final String PAYLOAD_BYTES = "payload.bytes";
    static final String UNSPECIFIED = "unspecified";

    private final EventCatalog catalog;

    EventProperties(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The properties of {@code event}.
     *
     * @throws InvalidProtocolBufferException when the payload is not a message of its {@code payload_type}
     */
    Map<String, Object> of(Event event) throws InvalidProtocolBufferException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ID, event.getEventId());
        properties.put(TYPE, event.getEventType());
        properties.put(LEVEL, levelLabel(event.getLevel()));
        properties.put(CATEGORY, categoryLabel(event.getCategory()));
        properties.put(SOURCE, event.getSource());
        properties.put(TIMESTAMP, event.getTimestamp());
        properties.put(METADATA, Map.copyOf(event.getMetadataMap()));
        String payloadType = event.getPayloadType();
        if (!payloadType.isEmpty()) {
            properties.put(PAYLOAD_TYPE, payloadType);
            Optional<Message> prototype = prototype(payloadType);
            if (prototype.isPresent()) {
                Message payload = prototype.get().getParserForType().parseFrom(event.getPayload());
                properties.put(PAYLOAD, PayloadValues.toMap(payload));
                properties.put(PAYLOAD_MESSAGE, payload);
            } else {
                properties.put(PAYLOAD_BYTES, event.getPayload().toByteArray());
            }
        }
        return properties;
    }

    private Optional<Message> prototype(String payloadType) {
        return EventCatalog.STRUCT.equals(payloadType) ? Optional.of(Struct.getDefaultInstance()) : catalog.payloadPrototype(payloadType);
    }

    // The configuration and shell spellings (info, data_transfer); an envelope without one says so.
    static String levelLabel(EventLevel wire) {
        return wire == EventLevel.EVENT_LEVEL_UNSPECIFIED || wire == EventLevel.UNRECOGNIZED ? UNSPECIFIED : Level.of(wire).label();
    }

    static String categoryLabel(EventCategory wire) {
        return wire == EventCategory.EVENT_CATEGORY_UNSPECIFIED || wire == EventCategory.UNRECOGNIZED ? UNSPECIFIED
                : Category.of(wire).label();
    }
}
