package io.stratastor.rodent.events.proto.events;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.proto.EventCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue of event types, read from the enum-value options of {@code events.proto}: the
 * schema stays the one source of truth, and this class only indexes it. Immutable and
 * thread-safe.
 */
public final class EventCatalog {
    private static final String ENUM_SUFFIX = "EventType";
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
    private static final Descriptor EVENT_2025_12 = io.stratastor.rodent.events.wire.v2025_12.events.Event.getDescriptor();

    private final Map<String, EventTypeDefinition> byType;
    private final Map<String, Message> payloadsByName;
    private final Map<EventCategory, Form2025_12> fallbacks;

    private EventCatalog(Map<String, EventTypeDefinition> byType, Map<String, Message> payloadsByName,
            Map<EventCategory, Form2025_12> fallbacks) {
        this.byType = Collections.unmodifiableMap(byType);
        this.payloadsByName = Collections.unmodifiableMap(payloadsByName);
        this.fallbacks = Collections.unmodifiableMap(fallbacks);
    }

    /**
     * Reads the catalogue of the compiled schema.
     *
     * @throws IllegalStateException listing every place the schema breaks its own rules, each
     *     naming the offending value: a value without an event type, an event type whose first
     *     segment is not its category, a duplicated event type, a payload option naming no message,
     *     a type without a 2025-12 form, a payload field without a 2025-12 place
     */
    public static EventCatalog fromSchema() {
        return fromFile(EventsProto.getDescriptor());
    }

    static EventCatalog fromFile(FileDescriptor file) {
        List<String> violations = new ArrayList<>();
        Map<String, Message> payloads = new LinkedHashMap<>();
        for (Descriptor message : file.getMessageTypes()) {
            payloads.put(message.getFullName(), prototypeOf(message));
        }
        Map<String, EventTypeDefinition> types = new LinkedHashMap<>();
        for (EnumDescriptor enumType : file.getEnumTypes()) {
            EventCategory category = categoryOf(enumType);
            String label = labelOf(category);
            String prefix = label.toUpperCase(Locale.ROOT) + "_EVENT_TYPE_";
            for (EnumValueDescriptor value : enumType.getValues()) {
                if (value.getNumber() == 0) {
                    continue;
                }
                String eventType = value.getOptions().getExtension(EventsProto.eventType);
                if (eventType.isEmpty()) {
                    violations.add(value.getName() + ": no (event_type) option");
                    continue;
                }
                if (!EVENT_TYPE.matcher(eventType).matches()) {
                    violations.add(value.getName() + ": event type '" + eventType + "' is not dotted lower-case segments");
                } else if (!eventType.substring(0, eventType.indexOf('.')).equals(label)) {
                    violations.add(value.getName() + ": event type '" + eventType + "' must start with its category '" + label + ".'");
                }
                if (!value.getName().startsWith(prefix)) {
                    violations.add(value.getName() + ": a value of " + enumType.getName() + " must start with " + prefix);
                }
                String payloadName = value.getOptions().getExtension(EventsProto.payloadMessage);
                Message prototype = null;
                if (!payloadName.isEmpty()) {
                    prototype = payloads.get(payloadName);
                    if (prototype == null) {
                        violations.add(value.getName() + ": payload message " + payloadName + " is not defined in " + file.getName());
                    }
                }
                Form2025_12 form = form2025_12(value, eventType, prototype, violations);
                if (form == null) {
                    continue;
                }
                EventTypeDefinition definition = new EventTypeDefinition(eventType, category, value.getName(), value.getNumber(),
                        prototype, form);
                EventTypeDefinition previous = types.putIfAbsent(eventType, definition);
                if (previous != null) {
                    violations.add(value.getName() + ": event type " + eventType + " is already declared by " + previous.enumValue());
                }
            }
        }
        Map<EventCategory, Form2025_12> fallbacks = new LinkedHashMap<>();
        for (EnumDescriptor enumType : file.getEnumTypes()) {
            EventCategory category = categoryOf(enumType);
            String fallback = enumType.getOptions().getExtension(EventsProto.v202512Fallback);
            EventTypeDefinition definition = types.get(fallback);
            if (definition == null || definition.category() != category) {
                violations.add(enumType.getName() + ": (v2025_12_fallback) '" + fallback + "' must name a type of category "
                        + labelOf(category) + ", whose 2025-12 form its types outside the catalogue take");
            } else {
                fallbacks.put(category, definition.form2025_12());
            }
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the schema " + file.getName() + " breaks " + violations.size() + " rule(s):\n  "
                    + String.join("\n  ", violations));
        }
        return new EventCatalog(types, payloads, fallbacks);
    }

    // The type's (v2025_12_case), (v2025_12_operation) and its payload fields' (v2025_12_field),
    // resolved in the compiled 2025-12 schema; null, with the violations added, when they do not resolve.
    private static Form2025_12 form2025_12(EnumValueDescriptor value, String eventType, Message prototype, List<String> violations) {
        String where = value.getName() + " (" + eventType + ")";
        String path = value.getOptions().getExtension(EventsProto.v202512Case);
        int dot = path.indexOf('.');
        if (dot < 0) {
            violations.add(where + ": no 2025-12 form; (v2025_12_case) must name '<wrapper>.<payload case>', e.g. storage_event.pool_event");
            return null;
        }
        FieldDescriptor wrapper = oneofField(EVENT_2025_12, "event_payload", path.substring(0, dot));
        if (wrapper == null) {
            violations.add(where + ": (v2025_12_case) '" + path + "': '" + path.substring(0, dot)
                    + "' is no field of 2025-12's Event.event_payload");
            return null;
        }
        FieldDescriptor payloadCase = oneofField(wrapper.getMessageType(), "event_type", path.substring(dot + 1));
        if (payloadCase == null) {
            violations.add(where + ": (v2025_12_case) '" + path + "': '" + path.substring(dot + 1) + "' is no case of "
                    + wrapper.getMessageType().getName() + ".event_type");
            return null;
        }
        Descriptor caseMessage = payloadCase.getMessageType();
        FieldDescriptor operationField = caseMessage.findFieldByName("operation");
        String operationName = value.getOptions().getExtension(EventsProto.v202512Operation);
        EnumValueDescriptor operation = null;
        if (operationField == null) {
            if (!operationName.isEmpty()) {
                violations.add(where + ": (v2025_12_operation) '" + operationName + "', but " + caseMessage.getName() + " has no operation");
            }
        } else {
            operation = operationField.getEnumType().findValueByName(operationName);
            if (operation == null || operation.getNumber() == 0) {
                violations.add(where + ": (v2025_12_operation) '" + operationName + "' is no set value of "
                        + operationField.getEnumType().getFullName());
                return null;
            }
        }
        String categoryName = "EVENT_CATEGORY_" + wrapper.getName().replaceFirst("_event$", "").toUpperCase(Locale.ROOT);
        EnumValueDescriptor category = EVENT_2025_12.findFieldByName("category").getEnumType().findValueByName(categoryName);
        if (category == null) {
            violations.add(where + ": wrapper " + wrapper.getName() + " names no 2025-12 category " + categoryName);
            return null;
        }
        Map<FieldDescriptor, FieldDescriptor> placement = new LinkedHashMap<>();
        if (prototype != null) {
            for (FieldDescriptor field : prototype.getDescriptorForType().getFields()) {
                String target = field.getOptions().getExtension(EventsProto.v202512Field);
                String fieldWhere = field.getFullName() + " (of " + eventType + ")";
                if (target.isEmpty()) {
                    violations.add(fieldWhere + ": no 2025-12 place; (v2025_12_field) must name a field of "
                            + caseMessage.getName() + " or be \"" + Form2025_12.IN_METADATA + "\"");
                } else if (!target.equals(Form2025_12.IN_METADATA)) {
                    FieldDescriptor place = caseMessage.findFieldByName(target);
                    if (place == null || place.getName().equals("operation")) {
                        violations.add(fieldWhere + ": (v2025_12_field) '" + target + "' is no field of " + caseMessage.getName());
                    } else if (!sameShape(field, place)) {
                        violations.add(fieldWhere + ": (v2025_12_field) '" + target + "' is " + shape(place) + " in "
                                + caseMessage.getName() + ", not " + shape(field));
                    } else if (placement.containsValue(place)) {
                        violations.add(fieldWhere + ": (v2025_12_field) '" + target + "' already holds another field");
                    } else {
                        placement.put(field, place);
                    }
                }
            }
        }
        return new Form2025_12(wrapper, payloadCase, operation, category, placement);
    }

    private static FieldDescriptor oneofField(Descriptor message, String oneof, String name) {
        FieldDescriptor field = message.findFieldByName(name);
        OneofDescriptor owner = field == null ? null : field.getRealContainingOneof();
        return owner != null && owner.getName().equals(oneof) ? field : null;
    }

    private static boolean sameShape(FieldDescriptor a, FieldDescriptor b) {
        return a.getType() == b.getType() && a.isRepeated() == b.isRepeated() && !a.isMapField() && !b.isMapField();
    }

    private static String shape(FieldDescriptor field) {
        return (field.isMapField() ? "a map" : field.isRepeated() ? "repeated " + field.getType().name().toLowerCase(Locale.ROOT)
                : field.getType().name().toLowerCase(Locale.ROOT));
    }

    private static EventCategory categoryOf(EnumDescriptor enumType) {
        String name = enumType.getName();
        if (!name.endsWith(ENUM_SUFFIX)) {
            throw new IllegalStateException("enum " + enumType.getFullName() + " is not a <Category>EventType enum");
        }
        // DataTransferEventType -> DATA_TRANSFER
        String category = name.substring(0, name.length() - ENUM_SUFFIX.length()).replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
        try {
            return EventCategory.valueOf("EVENT_CATEGORY_" + category);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("enum " + enumType.getFullName() + " names no EventCategory", e);
        }
    }

    // Generated messages live, one class each, in the file's Java package (java_multiple_files).
    private static Message prototypeOf(Descriptor message) {
        String className = message.getFile().getOptions().getJavaPackage() + "." + message.getName();
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

    /**
     * The 2025-12 form of a dotted type: the catalogue's, or for a type it lacks (the old API
     * accepts any), the form of the category's {@code (v2025_12_fallback)} type.
     */
    public Form2025_12 form2025_12(String eventType, EventCategory category) {
        EventTypeDefinition definition = eventType == null ? null : byType.get(eventType);
        return definition != null ? definition.form2025_12() : fallbacks.get(category);
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
