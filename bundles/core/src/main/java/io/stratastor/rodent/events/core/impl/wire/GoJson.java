package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Go's {@code encoding/json} writes the generated struct of a payload message: the 2025-09
 * payload (docs/WIRE.md). Keys are the proto field names in declaration order; fields at their zero
 * value are left out ({@code omitempty}); 64-bit integers and enums are numbers; floats are written
 * as Go formats them (shortest form, exponent below 1e-6 and from 1e21 on); bytes are base64;
 * map keys are sorted; {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are escaped as Go does.
 * A {@code google.protobuf.Struct} (a plain-map payload of the old API) is written as the map it
 * holds, as Go writes a {@code map[string]interface{}}. Stateless; thread-safe.
 */
public final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** The payload's JSON, UTF-8. */
    public static byte[] bytes(Message payload) {
        return text(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** The payload's JSON. */
    public static String text(Message payload) {
        StringBuilder out = new StringBuilder(128);
        if (payload instanceof Struct struct) {
            struct(out, struct);
        } else {
            message(out, payload);
        }
        return out.toString();
    }

    /** One field's value as JSON: what a metadata carrier holds for a non-string value. */
    public static String value(FieldDescriptor field, Object value) {
        StringBuilder out = new StringBuilder();
        if (field.isMapField()) {
            map(out, field, (List<?>) value);
        } else if (field.isRepeated()) {
            array(out, field, (List<?>) value);
        } else {
            scalar(out, field, value);
        }
        return out.toString();
    }

    /** A {@code google.protobuf.Value} as JSON. */
    public static String value(Value value) {
        StringBuilder out = new StringBuilder();
        value(out, value);
        return out.toString();
    }

    private static void message(StringBuilder out, Message message) {
        out.append('{');
        boolean first = true;
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            boolean present = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0
                    : message.hasField(field) && !zero(message.getField(field));
            if (!present) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getName());
            out.append(':');
            out.append(value(field, message.getField(field)));
        }
        out.append('}');
    }

    /** Go's omitempty: a zero number (-0.0 too), false, the empty string. */
    static boolean zero(Object value) {
        if (value instanceof Number number) {
            return number instanceof Double || number instanceof Float ? number.doubleValue() == 0 : number.longValue() == 0;
        }
        return Boolean.FALSE.equals(value) || "".equals(value);
    }

    private static void array(StringBuilder out, FieldDescriptor field, List<?> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            scalar(out, field, values.get(i));
        }
        out.append(']');
    }

    // Go sorts a map's keys; proto map keys here are strings.
    private static void map(StringBuilder out, FieldDescriptor field, List<?> entries) {
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Object entry : entries) {
            MapEntry<?, ?> e = (MapEntry<?, ?>) entry;
            sorted.put(String.valueOf(e.getKey()), e.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            scalar(out, valueField, entry.getValue());
        }
        out.append('}');
    }

    static void scalar(StringBuilder out, FieldDescriptor field, Object value) {
        switch (field.getJavaType()) {
            case STRING -> string(out, (String) value);
            case BOOLEAN -> out.append(((Boolean) value) ? "true" : "false");
            case INT -> out.append(unsigned32(field) ? Integer.toUnsignedString((Integer) value) : Integer.toString((Integer) value));
            case LONG -> out.append(unsigned64(field) ? Long.toUnsignedString((Long) value) : Long.toString((Long) value));
            case FLOAT -> out.append(number(shortest((Float) value), (Float) value));
            case DOUBLE -> out.append(number(shortest((Double) value), (Double) value));
            case ENUM -> out.append(((com.google.protobuf.Descriptors.EnumValueDescriptor) value).getNumber());
            case BYTE_STRING -> string(out, Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case MESSAGE -> message(out, (Message) value);
            default -> throw new IllegalStateException("field " + field.getFullName() + " of unknown kind " + field.getJavaType());
        }
    }

    private static boolean unsigned32(FieldDescriptor field) {
        return field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32;
    }

    private static boolean unsigned64(FieldDescriptor field) {
        return field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64;
    }

    private static void struct(StringBuilder out, Struct struct) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Value> entry : new TreeMap<>(struct.getFieldsMap()).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            value(out, entry.getValue());
        }
        out.append('}');
    }

    private static void value(StringBuilder out, Value value) {
        switch (value.getKindCase()) {
            case NUMBER_VALUE -> {
                double number = value.getNumberValue();
                out.append(number(shortest(number), number));
            }
            case STRING_VALUE -> string(out, value.getStringValue());
            case BOOL_VALUE -> out.append(value.getBoolValue() ? "true" : "false");
            case STRUCT_VALUE -> struct(out, value.getStructValue());
            case LIST_VALUE -> {
                ListValue list = value.getListValue();
                out.append('[');
                for (int i = 0; i < list.getValuesCount(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, list.getValues(i));
                }
                out.append(']');
            }
            default -> out.append("null");
        }
    }

    /**
     * The shortest decimal that reads back as {@code value}, the nearest of that length (Java 17's
     * {@code Double.toString} is not always the shortest: 1.25e22 prints as 1.2499999999999999E22).
     */
    static BigDecimal shortest(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** As {@link #shortest(double)}, for a float32: the digits that read back as the same float. */
    static BigDecimal shortest(float value) {
        if (!Float.isFinite(value) || value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == value) {
                return rounded;
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN));
    }

    /**
     * A float as Go writes it: the shortest decimal that reads back as the same value, plainly
     * written, but in exponent form below 1e-6 and from 1e21 on, with a two-digit negative exponent
     * shortened ({@code 1e-07} becomes {@code 1e-7}).
     *
     * @throws IllegalArgumentException for NaN and the infinities, which Go refuses to encode
     */
    static String number(BigDecimal shortest, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " has no JSON form");
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal stripped = shortest.stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return stripped.toPlainString();
        }
        // d.ddde±XX: Go's 'e' format with the fewest digits.
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        // Go writes at least two exponent digits, then its encoder drops the 0 of e-07; from 1e21 on there are two.
        out.append(Math.abs(exponent));
        return out.toString();
    }

    /** Go's string encoding: HTML-safe, with invalid UTF-16 (unpaired surrogates) as U+FFFD. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
                default -> {
                    if (c < 0x20) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }
}
