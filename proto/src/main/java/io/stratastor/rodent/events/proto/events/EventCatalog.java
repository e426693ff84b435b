package io.stratastor.rodent.events.proto.events;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.proto.EventCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of event types, read from the enum-value options of {@code events.proto}: the
 * schema stays the one source of truth, and this class only indexes it. Immutable and
 * thread-safe.
 */
public final class EventCatalog {
    private static final String ENUM_SUFFIX = "EventType";

    private final Map<String, EventTypeDefinition> byType;
    private final Map<String, Message> payloadsByName;

    private EventCatalog(Map<String, EventTypeDefinition> byType, Map<String, Message> payloadsByName) {
        this.byType = Collections.unmodifiableMap(byType);
        this.payloadsByName = Collections.unmodifiableMap(payloadsByName);
    }

    /**
     * Reads the catalogue of the compiled schema.
     *
     * @throws IllegalStateException when the schema breaks its own rules (a value without an
     *     event type, a duplicated event type, a payload option naming no message)
     */
    public static EventCatalog fromSchema() {
        return fromFile(EventsProto.getDescriptor());
    }

    static EventCatalog fromFile(FileDescriptor file) {
        Map<String, Message> payloads = new LinkedHashMap<>();
        for (Descriptor message : file.getMessageTypes()) {
            payloads.put(message.getFullName(), prototypeOf(message));
        }
        Map<String, EventTypeDefinition> types = new LinkedHashMap<>();
        for (EnumDescriptor enumType : file.getEnumTypes()) {
            EventCategory category = categoryOf(enumType);
            for (EnumValueDescriptor value : enumType.getValues()) {
                if (value.getNumber() == 0) {
                    continue;
                }
                String eventType = value.getOptions().getExtension(EventsProto.eventType);
                if (eventType.isEmpty()) {
                    throw new IllegalStateException(value.getFullName() + " has no (event_type) option");
                }
                String payloadName = value.getOptions().getExtension(EventsProto.payloadMessage);
                Message prototype = null;
                if (!payloadName.isEmpty()) {
                    prototype = payloads.get(payloadName);
                    if (prototype == null) {
                        throw new IllegalStateException(value.getFullName() + " names payload message " + payloadName
                                + ", which " + file.getName() + " does not define");
                    }
                }
                EventTypeDefinition definition = new EventTypeDefinition(eventType, category, value.getName(), value.getNumber(), prototype);
                EventTypeDefinition previous = types.putIfAbsent(eventType, definition);
                if (previous != null) {
                    throw new IllegalStateException("event type " + eventType + " is declared by both "
                            + previous.enumValue() + " and " + value.getName());
                }
            }
        }
        return new EventCatalog(types, payloads);
    }

    private static EventCategory categoryOf(EnumDescriptor enumType) {
        String name = enumType.getName();
        if (!name.endsWith(ENUM_SUFFIX)) {
            throw new IllegalStateException("enum " + enumType.getFullName() + " is not a <Category>EventType enum");
        }
        String category = name.substring(0, name.length() - ENUM_SUFFIX.length()).toUpperCase(Locale.ROOT);
        try {
            return EventCategory.valueOf("EVENT_CATEGORY_" + category);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("enum " + enumType.getFullName() + " names no EventCategory", e);
        }
    }

    // Generated messages live, one class each, in this package (java_multiple_files).
    private static Message prototypeOf(Descriptor message) {
        String className = EventCatalog.class.getPackageName() + "." + message.getName();
        try {
            return (Message) Class.forName(className).getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class " + className + " for " + message.getFullName(), e);
        }
    }

    /** The payload message of a plain-map payload from the backward-compatible API. */
    public static final String STRUCT = "google.protobuf.Struct";

    /**
     * Checks an event against the schema: the type is known and of {@code category}, and the payload
     * is the type's payload message (or none, for a type without one; or, with
     * {@code structAllowed}, a {@value #STRUCT} for any type).
     *
     * @return the type's definition
     * @throws IllegalArgumentException naming the problem and what was expected
     */
    public EventTypeDefinition check(EventCategory category, String eventType, Message payload, boolean structAllowed) {
        // Messages are built only on failure: this runs for every event.
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("event type must not be empty; expected a dotted " + labelOf(category)
                    + " type such as " + constantsOf(category));
        }
        EventTypeDefinition definition = byType.get(eventType);
        if (definition == null) {
            throw new IllegalArgumentException("unknown event type '" + eventType + "'; expected a " + labelOf(category)
                    + " type of the schema (" + constantsOf(category) + ")");
        }
        if (definition.category() != category) {
            String owner = labelOf(definition.category());
            throw new IllegalArgumentException("event type '" + eventType + "' belongs to category " + owner + ", not "
                    + labelOf(category) + "; emit it through the " + owner + " emitter");
        }
        String expected = definition.payloadTypeName();
        String actual = payload == null ? "" : payload.getDescriptorForType().getFullName();
        if (expected.equals(actual) || structAllowed && STRUCT.equals(actual)) {
            return definition;
        }
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("event type '" + eventType + "' has no payload message, got " + actual
                    + "; expected no payload (null)");
        }
        throw new IllegalArgumentException("event type '" + eventType + "' expects payload " + expected + ", got "
                + (payload == null ? "null" : actual));
    }

    private static String constantsOf(EventCategory category) {
        return "an EventTypes." + labelOf(category).toUpperCase(Locale.ROOT) + "_* constant";
    }

    /** The lower-case category name, which is also the first segment of its event types: {@code storage}. */
    public static String labelOf(EventCategory category) {
        return category.name().replace("EVENT_CATEGORY_", "").toLowerCase(Locale.ROOT);
    }

    /** The definition of a dotted event type, if the schema has it. */
    public Optional<EventTypeDefinition> find(String eventType) {
        return Optional.ofNullable(eventType == null ? null : byType.get(eventType));
    }

    /** Every event type, in schema order (category, then number). */
    public List<EventTypeDefinition> types() {
        return List.copyOf(byType.values());
    }

    /** The event types of one category, in schema order. */
    public List<EventTypeDefinition> types(EventCategory category) {
        List<EventTypeDefinition> result = new ArrayList<>();
        for (EventTypeDefinition definition : byType.values()) {
            if (definition.category() == category) {
                result.add(definition);
            }
        }
        return result;
    }

    /** The default instance of a payload message of the schema, by full proto name. */
    public Optional<Message> payloadPrototype(String fullName) {
        return Optional.ofNullable(fullName == null ? null : payloadsByName.get(fullName));
    }

    /** Every payload message of the schema, by full proto name. */
    public Map<String, Message> payloadPrototypes() {
        return payloadsByName;
    }
}
