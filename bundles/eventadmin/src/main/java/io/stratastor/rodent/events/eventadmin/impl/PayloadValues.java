package io.stratastor.rodent.events.eventadmin.impl;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload message as plain Java values, as Event Admin properties are expected to be: a message
 * becomes a {@code Map} by proto field name, a repeated field a {@code List}, a map field a
 * {@code Map} keyed by the key's text; integers are {@code Long}, floating point {@code Double},
 * {@code bool} {@code Boolean}, an enum its value's name, {@code bytes} a {@code byte[]}. A
 * {@code google.protobuf.Struct} (the backward-compatible API's map payloads) becomes the map it
 * holds, JSON null as {@code null}. Scalars are always present (proto3 defaults); a message field
 * or a field with presence only when set. Stateless; thread-safe.
 */
final class PayloadValues {
    private PayloadValues() {
    }

    static Map<String, Object> toMap(Message message) {
        if (message instanceof Struct struct) {
            return structMap(struct);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isRepeated() || !field.hasPresence() || message.hasField(field)) {
                values.put(field.getName(), fieldValue(field, message.getField(field)));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object fieldValue(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<String, Object> map = new LinkedHashMap<>();
            // Map entries are messages of two fields, key (1) and value (2), generated or dynamic alike.
            FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
            FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
            for (Object entry : (List<?>) value) {
                Message mapEntry = (Message) entry;
                map.put(String.valueOf(mapEntry.getField(keyField)), single(valueField, mapEntry.getField(valueField)));
            }
            return Collections.unmodifiableMap(map);
        }
        if (field.isRepeated()) {
            List<Object> list = new ArrayList<>();
            for (Object element : (List<?>) value) {
                list.add(single(field, element));
            }
            return Collections.unmodifiableList(list);
        }
        return single(field, value);
    }

    private static Object single(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT, LONG -> ((Number) value).longValue();
            case FLOAT, DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN, STRING -> value;
            case BYTE_STRING -> ((ByteString) value).toByteArray();
            case ENUM -> ((EnumValueDescriptor) value).getName();
            case MESSAGE -> value instanceof Value json ? jsonValue(json) : toMap((Message) value);
        };
    }

    private static Map<String, Object> structMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, jsonValue(value)));
        return Collections.unmodifiableMap(map);
    }

    private static Object jsonValue(Value value) {
        return switch (value.getKindCase()) {
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> structMap(value.getStructValue());
            case LIST_VALUE -> jsonList(value.getListValue());
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
    }

    private static List<Object> jsonList(ListValue list) {
        List<Object> values = new ArrayList<>();
        list.getValuesList().forEach(value -> values.add(jsonValue(value)));
        return Collections.unmodifiableList(values);
    }
}
