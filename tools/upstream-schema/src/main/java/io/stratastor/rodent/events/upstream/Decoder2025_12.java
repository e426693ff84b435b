package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strict decoder of generation 2025-12: exactly one {@code event_payload} case, a wrapper with
 * exactly one {@code event_type} case, a category that matches the wrapper, and a set, known
 * {@code operation} in a payload that has one. Two cases of one oneof on the wire (Go keeps the
 * last) and a message field sent twice (Go merges them) are named too. Immutable and thread-safe.
 */
public final class Decoder2025_12 extends EnvelopeDecoder {
    private static final String OPERATION = "operation";

    /** A decoder on the 2025-12 schema data. */
    public Decoder2025_12() {
        super(UpstreamSchema.of(WireGeneration.V2025_12));
    }

    @Override
    Body body(DynamicMessage message, ByteString wire, String category, String where, List<String> problems) {
        FieldDescriptor wrapperField = onlyCase(message, wire, "event_payload", where, problems);
        if (wrapperField == null) {
            return new Body("", "", Map.of(), List.of());
        }
        String expected = "EVENT_CATEGORY_" + wrapperField.getName().replaceFirst("_event$", "").toUpperCase(Locale.ROOT);
        if (!expected.equals(category)) {
            problems.add(where + "category " + category + " does not match " + wrapperField.getName() + " (expected " + expected + ")");
        }
        DynamicMessage wrapper = (DynamicMessage) message.getField(wrapperField);
        FieldDescriptor caseField = onlyCase(wrapper, lastValue(wire, wrapperField.getNumber()), "event_type",
                where + wrapperField.getName() + ": ", problems);
        if (caseField == null) {
            return new Body(wrapperField.getName(), "", Map.of(), List.of());
        }
        DynamicMessage payload = (DynamicMessage) wrapper.getField(caseField);
        String type = wrapperField.getName() + "." + caseField.getName();
        return new Body(type, operation(payload, where + type + ": ", problems), values(payload), List.of());
    }

    // The oneof's one case; null, with a problem, when none or several are on the wire.
    private static FieldDescriptor onlyCase(Message message, ByteString wire, String oneofName, String where, List<String> problems) {
        OneofDescriptor oneof = message.getDescriptorForType().getOneofs().stream()
                .filter(o -> o.getName().equals(oneofName)).findFirst().orElseThrow();
        Map<Integer, UnknownFieldSet.Field> raw = rawFields(wire);
        List<String> sent = new ArrayList<>();
        for (FieldDescriptor field : oneof.getFields()) {
            UnknownFieldSet.Field occurrences = raw.get(field.getNumber());
            if (occurrences != null) {
                sent.add(field.getName());
                if (occurrences.getLengthDelimitedList().size() > 1) {
                    problems.add(where + field.getName() + " is sent " + occurrences.getLengthDelimitedList().size()
                            + " times (Go would merge them)");
                }
            }
        }
        if (sent.isEmpty()) {
            problems.add(where + "no case of " + oneofName + " is set; exactly one of " + oneof.getFields().stream()
                    .map(FieldDescriptor::getName).toList() + " is required");
            return null;
        }
        if (sent.size() > 1) {
            problems.add(where + sent.size() + " cases of " + oneofName + " are set " + sent + "; exactly one is allowed (Go would keep the last)");
            return null;
        }
        return message.getOneofFieldDescriptor(oneof);
    }

    private static String operation(DynamicMessage payload, String where, List<String> problems) {
        FieldDescriptor field = payload.getDescriptorForType().findFieldByName(OPERATION);
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.ENUM) {
            return "";
        }
        EnumValueDescriptor value = (EnumValueDescriptor) payload.getField(field);
        EnumValueDescriptor known = field.getEnumType().findValueByNumber(value.getNumber());
        if (known == null) {
            problems.add(where + "operation " + value.getNumber() + " is no value of " + field.getEnumType().getFullName());
            return String.valueOf(value.getNumber());
        }
        if (known.getNumber() == 0) {
            problems.add(where + "operation is not set (" + known.getName() + ")");
        }
        return known.getName();
    }

    // The payload's set fields as plain Java values, operation left out (it is the event's operation).
    private static Map<String, Object> values(Message message) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getName().equals(OPERATION) && field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                continue;
            }
            values.put(field.getName(), fieldValue(field, entry.getValue()));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object fieldValue(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Object item : (List<?>) value) {
                Message entry = (Message) item;
                FieldDescriptor key = entry.getDescriptorForType().findFieldByName("key");
                FieldDescriptor mapValue = entry.getDescriptorForType().findFieldByName("value");
                map.put(single(key, entry.getField(key)), single(mapValue, entry.getField(mapValue)));
            }
            return Collections.unmodifiableMap(map);
        }
        if (field.isRepeated()) {
            return ((List<?>) value).stream().map(item -> single(field, item)).toList();
        }
        return single(field, value);
    }

    private static Object single(FieldDescriptor field, Object value) {
        if (value instanceof EnumValueDescriptor enumValue) {
            return enumValue.getType().findValueByNumber(enumValue.getNumber()) == null ? enumValue.getNumber() : enumValue.getName();
        }
        if (value instanceof Message nested) {
            return values(nested);
        }
        if (field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32) {
            return Integer.toUnsignedLong((Integer) value);
        }
        return value;
    }

    private static Map<Integer, UnknownFieldSet.Field> rawFields(ByteString wire) {
        try {
            return UnknownFieldSet.parseFrom(wire).asMap();
        } catch (InvalidProtocolBufferException e) {
            // Unreachable: the same bytes were parsed as the message already.
            throw new IllegalStateException("bytes parsed once no longer parse: " + e.getMessage(), e);
        }
    }

    private static ByteString lastValue(ByteString wire, int number) {
        List<ByteString> values = rawFields(wire).get(number).getLengthDelimitedList();
        return values.get(values.size() - 1);
    }
}
