package io.stratastor.rodent.events.itests;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An event as the reference Toggle decoded it, seen from the probe: built from the JDK-typed map
 * {@link ToggleBridge} hands over (the two sides share no other classes). An immutable value.
 *
 * @param type 2025-09: the dotted type; 2025-12: {@code <wrapper>.<case>}
 * @param level the level's value name, e.g. {@code EVENT_LEVEL_INFO}
 * @param category the category's value name, e.g. {@code EVENT_CATEGORY_STORAGE}
 * @param payload the decoded payload by proto field name, empty for none
 * @param problems why the Toggle could not decode it strictly; empty when it could
 * @param notes what the Toggle noticed that is no fault, e.g. a type its catalogue lacks
 */
record ReceivedEvent(String eventId, String type, String operation, String level, String category, String source,
        long timestamp, Map<String, String> metadata, Map<String, Object> payload, List<String> problems, List<String> notes) {

    @SuppressWarnings("unchecked")
    static ReceivedEvent of(Map<String, Object> view) {
        return new ReceivedEvent((String) view.get("event_id"), (String) view.get("type"), (String) view.get("operation"),
                (String) view.get("level"), (String) view.get("category"), (String) view.get("source"), (Long) view.get("timestamp"),
                (Map<String, String>) view.get("metadata"), (Map<String, Object>) view.get("payload"),
                (List<String>) view.get("problems"), (List<String>) view.getOrDefault("notes", List.of()));
    }

    /**
     * What the Toggle decodes {@code message} to when the node sends it as 2025-09 JSON: the fields
     * set, by proto name, int32 as Integer, int64 as Long, enums as their number, repeated as lists.
     */
    static Map<String, Object> payloadOf(Message message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        message.getAllFields().forEach((field, value) -> payload.put(field.getName(), valueOf(field, value)));
        return payload;
    }

    /**
     * What a Toggle that lacks the type (2025-09's, for today's kinds) reads from {@code message}'s
     * JSON: integers as Long, other numbers as Double, lists and maps as they are.
     */
    static Map<String, Object> jsonOf(Message message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payloadOf(message).forEach((name, value) -> payload.put(name, jsonValue(value)));
        return payload;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ReceivedEvent::jsonValue).collect(Collectors.toList());
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Float number) {
            return Double.valueOf(Float.toString(number));
        }
        return value;
    }

    private static Object valueOf(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Object item : (List<?>) value) {
                Message entry = (Message) item;
                map.put(entry.getField(field.getMessageType().findFieldByName("key")),
                        entry.getField(field.getMessageType().findFieldByName("value")));
            }
            return map;
        }
        if (field.isRepeated()) {
            return ((List<?>) value).stream().map(item -> single(item)).collect(Collectors.toList());
        }
        return single(value);
    }

    private static Object single(Object value) {
        if (value instanceof EnumValueDescriptor enumValue) {
            return enumValue.getNumber();
        }
        return value instanceof Message nested ? payloadOf(nested) : value;
    }
}
