package io.stratastor.rodent.events.legacy.impl;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Collection;
import java.util.Map;

/**
 * Turns the old API's plain payloads into {@code google.protobuf.Struct}: a map becomes the struct,
 * anything else the struct's {@value #VALUE_FIELD} field. Stateless and thread-safe.
 */
final class StructPayloads {
    /** The field a payload that is not a map travels in. */
    static final String VALUE_FIELD = "value";
    /** Maps and lists nested in one another at most; deeper, converting would overflow the stack (or loop on a map holding itself). */
    static final int MAX_DEPTH = 32;
    static final String ACCEPTED = "a Map with String keys, a List, a String, a Number, a Boolean, null, or a protobuf message";

    private StructPayloads() {
    }

    static Struct toStruct(Object payload) {
        if (payload instanceof Map<?, ?> map) {
            return structOf(map, "payload", 1);
        }
        if (payload == null) {
            return Struct.getDefaultInstance();
        }
        return Struct.newBuilder().putFields(VALUE_FIELD, valueOf(payload, "payload", 0)).build();
    }

    private static Struct structOf(Map<?, ?> map, String path, int depth) {
        checkDepth(path, depth);
        Struct.Builder struct = Struct.newBuilder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + " has a key of type " + typeName(entry.getKey())
                        + "; map keys must be Strings");
            }
            struct.putFields(key, valueOf(entry.getValue(), path + "." + key, depth));
        }
        return struct.build();
    }

    private static Value valueOf(Object value, String path, int depth) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof String text) {
            return Value.newBuilder().setStringValue(text).build();
        }
        if (value instanceof Boolean flag) {
            return Value.newBuilder().setBoolValue(flag).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(structOf(map, path, depth + 1)).build();
        }
        if (value instanceof Collection<?> items) {
            checkDepth(path, depth + 1);
            ListValue.Builder list = ListValue.newBuilder();
            int index = 0;
            for (Object item : items) {
                list.addValues(valueOf(item, path + "[" + index++ + "]", depth + 1));
            }
            return Value.newBuilder().setListValue(list).build();
        }
        throw new IllegalArgumentException(path + " is a " + typeName(value) + "; expected " + ACCEPTED);
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested " + depth + " maps and lists deep; expected at most " + MAX_DEPTH);
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
