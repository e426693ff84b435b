package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a parsed JSON object as a payload message the way Go's {@code encoding/json} fills the
 * generated struct, only stricter: every key must be a field's proto name (Go ignores unknown keys
 * and matches names case-insensitively), and a {@code null} inside an array or map is refused
 * (Go would store the zero value). Stateless.
 */
final class JsonPayload {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private JsonPayload() {
    }

    /** Why a JSON value does not fit a field. */
    private static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The fields of {@code message} that {@code object} sets, by proto name; each key that does not
     * fit becomes a problem (prefixed with {@code where}) instead.
     */
    static Map<String, Object> read(Descriptor message, Map<String, Object> object, String where, List<String> problems) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            FieldDescriptor field = message.findFieldByName(member.getKey());
            String at = where + "payload key \"" + member.getKey() + "\"";
            if (field == null) {
                problems.add(at + " is no field of " + message.getFullName() + " (Go would ignore it)");
                continue;
            }
            if (member.getValue() == StrictJson.NULL) {
                continue;
            }
            try {
                fields.put(field.getName(), fieldValue(field, member.getValue(), at, problems));
            } catch (Mismatch e) {
                problems.add(at + " (" + shape(field) + " of " + message.getFullName() + "): " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Object fieldValue(FieldDescriptor field, Object json, String at, List<String> problems) throws Mismatch {
        if (field.isMapField()) {
            FieldDescriptor key = field.getMessageType().findFieldByName("key");
            FieldDescriptor value = field.getMessageType().findFieldByName("value");
            if (key.getType() != FieldDescriptor.Type.STRING) {
                throw new Mismatch("maps with " + key.getType() + " keys are not supported");
            }
            if (!(json instanceof Map<?, ?> object)) {
                throw new Mismatch("expected a JSON object, got " + kind(json));
            }
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                entries.put((String) entry.getKey(), element(value, entry.getValue(), "value of \"" + entry.getKey() + "\"", at, problems));
            }
            return Collections.unmodifiableMap(entries);
        }
        if (field.isRepeated()) {
            if (!(json instanceof List<?> array)) {
                throw new Mismatch("expected a JSON array, got " + kind(json));
            }
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(element(field, array.get(i), "element " + i, at, problems));
            }
            return Collections.unmodifiableList(items);
        }
        return single(field, json, at, problems);
    }

    private static Object element(FieldDescriptor field, Object json, String which, String at, List<String> problems) throws Mismatch {
        if (json == StrictJson.NULL) {
            throw new Mismatch(which + " is null (Go would store the zero value)");
        }
        try {
            return single(field, json, at, problems);
        } catch (Mismatch e) {
            throw new Mismatch(which + ": " + e.getMessage());
        }
    }

    private static Object single(FieldDescriptor field, Object json, String at, List<String> problems) throws Mismatch {
        return switch (field.getJavaType()) {
            case STRING -> expect(json, String.class, "a JSON string");
            case BOOLEAN -> expect(json, Boolean.class, "true or false");
            case INT -> field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
                    ? integer(json, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)).longValue()
                    : (Object) integer(json, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            case LONG -> field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64
                    ? integer(json, BigInteger.ZERO, UINT64_MAX).longValue()
                    : integer(json, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            case ENUM -> integer(json, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            case DOUBLE -> floating(json, Double.MAX_VALUE);
            case FLOAT -> (float) floating(json, Float.MAX_VALUE);
            case BYTE_STRING -> base64(expect(json, String.class, "a base64 JSON string"));
            case MESSAGE -> {
                if (!(json instanceof Map<?, ?>)) {
                    throw new Mismatch("expected a JSON object, got " + kind(json));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) json;
                yield read(field.getMessageType(), object, at + ".", problems);
            }
        };
    }

    private static <T> T expect(Object json, Class<T> type, String expected) throws Mismatch {
        if (!type.isInstance(json)) {
            throw new Mismatch("expected " + expected + ", got " + kind(json));
        }
        return type.cast(json);
    }

    // Go parses the literal with strconv.ParseInt/ParseUint: no string, fraction, exponent or sign on unsigned.
    private static BigInteger integer(Object json, BigInteger min, BigInteger max) throws Mismatch {
        StrictJson.JsonNumber number = expect(json, StrictJson.JsonNumber.class, "an integer");
        if (!number.isInteger()) {
            throw new Mismatch(number.literal() + " is not an integer literal");
        }
        if (min.signum() == 0 && number.literal().startsWith("-")) {
            throw new Mismatch(number.literal() + " has a sign; the field is unsigned");
        }
        BigInteger value = new BigInteger(number.literal());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new Mismatch(number.literal() + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    private static double floating(Object json, double max) throws Mismatch {
        StrictJson.JsonNumber number = expect(json, StrictJson.JsonNumber.class, "a number");
        double value = Double.parseDouble(number.literal());
        if (Double.isInfinite(value) || Math.abs(value) > max) {
            throw new Mismatch(number.literal() + " is out of range");
        }
        return value;
    }

    // Go decodes []byte with base64.StdEncoding: the standard alphabet, padded.
    private static ByteString base64(String text) throws Mismatch {
        if (text.length() % 4 != 0) {
            throw new Mismatch("\"" + text + "\" is not padded standard base64");
        }
        try {
            return ByteString.copyFrom(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new Mismatch("\"" + text + "\" is not standard base64");
        }
    }

    /** A JSON value as plain Java: objects, arrays, strings, booleans, numbers (Long when integral and in range, else Double), null. */
    static Object generic(Object json) {
        if (json == StrictJson.NULL) {
            return null;
        }
        if (json instanceof StrictJson.JsonNumber number) {
            if (number.isInteger()) {
                BigInteger value = new BigInteger(number.literal());
                if (value.bitLength() < 64) {
                    return value.longValue();
                }
            }
            return Double.parseDouble(number.literal());
        }
        if (json instanceof Map<?, ?> object) {
            Map<String, Object> copy = new LinkedHashMap<>();
            object.forEach((key, value) -> copy.put((String) key, generic(value)));
            return Collections.unmodifiableMap(copy);
        }
        if (json instanceof List<?> array) {
            List<Object> copy = new ArrayList<>();
            array.forEach(value -> copy.add(generic(value)));
            return Collections.unmodifiableList(copy);
        }
        return json;
    }

    static String kind(Object json) {
        if (json == StrictJson.NULL) {
            return "null";
        }
        if (json instanceof StrictJson.JsonNumber number) {
            return "the number " + number.literal();
        }
        if (json instanceof String text) {
            return "the string \"" + text + "\"";
        }
        if (json instanceof Boolean) {
            return json.toString();
        }
        return json instanceof Map<?, ?> ? "an object" : "an array";
    }

    private static String shape(FieldDescriptor field) {
        String type = field.getType() == FieldDescriptor.Type.MESSAGE ? field.getMessageType().getName()
                : field.getType() == FieldDescriptor.Type.ENUM ? field.getEnumType().getName()
                : field.getType().name().toLowerCase(Locale.ROOT);
        return field.isMapField() ? "map" : field.isRepeated() ? "repeated " + type : type;
    }
}
