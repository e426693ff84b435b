package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.Form2025_12;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generation 2025-12: the type's form of the catalogue ({@link Form2025_12}) — wrapper, payload
 * case, operation — with each payload value in the case's field that the catalogue names. What
 * 2025-12 has no field for travels in {@code Event.metadata}: the dotted type under
 * {@value Form2025_12#EVENT_TYPE_KEY}, a payload value under
 * {@value Form2025_12#PAYLOAD_KEY_PREFIX}{@code <field>} (strings as they are, other values as
 * their JSON). A plain-map payload puts each key in the case's field of that name when its value
 * fits, else in the metadata. The level's number is the node's; the category is the wrapper's.
 * Thread-safe.
 */
final class Encoder2025_12 implements WireEncoder {
    private final EventCatalog catalog;

    Encoder2025_12(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Generation generation() {
        return Generation.V2025_12;
    }

    @Override
    public boolean encode(ByteBuffer record, WireOut out) {
        Event event = StoredPayload.event(record);
        Form2025_12 form = formOf(event);
        Map<String, String> metadata = new LinkedHashMap<>(event.getMetadataMap());
        metadata.put(Form2025_12.EVENT_TYPE_KEY, event.getEventType());
        Message.Builder payload = io.stratastor.rodent.events.wire.v2025_12.events.Event.newBuilder()
                .newBuilderForField(form.wrapper()).newBuilderForField(form.payloadCase());
        Descriptor caseMessage = form.caseMessage();
        form.operation().ifPresent(operation -> payload.setField(caseMessage.findFieldByName("operation"), operation));
        boolean carried = false;
        if (!event.getPayloadType().isEmpty()) {
            Message message = StoredPayload.payload(event, catalog);
            if (message == null) {
                StoredPayload.keepUndecoded(event, metadata);
                carried = true;
            } else if (message instanceof Struct struct) {
                carried = placeMap(struct, caseMessage, payload, metadata);
            } else {
                carried = place(message, form, payload, metadata);
            }
        }
        Message.Builder wrapper = io.stratastor.rodent.events.wire.v2025_12.events.Event.newBuilder().newBuilderForField(form.wrapper());
        wrapper.setField(form.payloadCase(), payload.build());
        io.stratastor.rodent.events.wire.v2025_12.events.Event wire = io.stratastor.rodent.events.wire.v2025_12.events.Event.newBuilder()
                .setEventId(event.getEventId())
                .setLevelValue(event.getLevelValue())
                .setCategoryValue(form.category().getNumber())
                .setSource(event.getSource())
                .setTimestamp(event.getTimestamp())
                .putAllMetadata(metadata)
                .setField(form.wrapper(), wrapper.build())
                .build();
        out.put(wire.toByteArray());
        return carried;
    }

    // A type the catalogue lacks (an old-API type) takes its category's fallback form.
    private Form2025_12 formOf(Event event) {
        return catalog.form2025_12(event.getEventType(), event.getCategory());
    }

    private static boolean place(Message message, Form2025_12 form, Message.Builder payload, Map<String, String> metadata) {
        boolean carried = false;
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            FieldDescriptor place = form.placeOf(field).orElse(null);
            if (place != null) {
                payload.setField(place, entry.getValue());
            } else {
                metadata.put(Form2025_12.PAYLOAD_KEY_PREFIX + field.getName(), field.getJavaType() == FieldDescriptor.JavaType.STRING
                        && !field.isRepeated() ? (String) entry.getValue() : GoJson.value(field, entry.getValue()));
                carried = true;
            }
        }
        return carried;
    }

    private static boolean placeMap(Struct struct, Descriptor caseMessage, Message.Builder payload, Map<String, String> metadata) {
        boolean carried = false;
        for (Map.Entry<String, Value> entry : new TreeMap<>(struct.getFieldsMap()).entrySet()) {
            FieldDescriptor place = caseMessage.findFieldByName(entry.getKey());
            Object fitted = place == null || place.getName().equals("operation") ? null : fit(place, entry.getValue());
            if (fitted != null) {
                payload.setField(place, fitted);
            } else {
                Value value = entry.getValue();
                metadata.put(Form2025_12.PAYLOAD_KEY_PREFIX + entry.getKey(),
                        value.hasStringValue() ? value.getStringValue() : GoJson.value(value));
                carried = true;
            }
        }
        return carried;
    }

    // The map value as the field's Java value, or null when it does not fit the field.
    private static Object fit(FieldDescriptor field, Value value) {
        if (field.isMapField()) {
            return null;
        }
        if (field.isRepeated()) {
            if (!value.hasListValue() || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
                return null;
            }
            ListValue list = value.getListValue();
            List<String> strings = new ArrayList<>();
            for (Value element : list.getValuesList()) {
                if (!element.hasStringValue()) {
                    return null;
                }
                strings.add(element.getStringValue());
            }
            return strings;
        }
        switch (field.getJavaType()) {
            case STRING:
                return value.hasStringValue() ? value.getStringValue() : null;
            case BOOLEAN:
                return value.hasBoolValue() ? value.getBoolValue() : null;
            case INT:
                return integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE) ? (int) value.getNumberValue() : null;
            case LONG:
                // Only integers a double holds exactly.
                return integral(value, -(1L << 53), 1L << 53) ? (long) value.getNumberValue() : null;
            case FLOAT:
                return value.hasNumberValue() && (float) value.getNumberValue() == value.getNumberValue() ? (float) value.getNumberValue() : null;
            case DOUBLE:
                return value.hasNumberValue() ? value.getNumberValue() : null;
            default:
                return null;
        }
    }

    private static boolean integral(Value value, long min, long max) {
        if (!value.hasNumberValue()) {
            return false;
        }
        double number = value.getNumberValue();
        return number == Math.rint(number) && number >= min && number <= max;
    }
}
