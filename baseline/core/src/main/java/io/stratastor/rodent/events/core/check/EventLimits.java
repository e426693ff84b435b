package io.stratastor.rodent.events.core.check;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bounds every event must keep, checked before it is accepted: each breach is an
 * {@link IllegalArgumentException} naming the field, the limit and what was found (never the
 * value itself, which may be large or sensitive). docs/SECURITY.md lists them. Stateless;
 * thread-safe.
 */
final class EventLimits {
    public static final Pattern EVENT_TYPE = Pattern.compile("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
    public static final int MAX_EVENT_TYPE_LENGTH = 128;
    public static final int MAX_SOURCE_LENGTH = 128;
    public static final int MAX_METADATA_ENTRIES = 32;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 1024;
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final int MAX_EVENT_BYTES = 128 * 1024;

    private EventLimits() {
    }

    /** Checks the type's form; run before the schema lookup, so a malformed type gets this clearer error. */
    public static void checkEventType(String eventType) {
        if (eventType == null) {
            return;
        }
        if (eventType.length() > MAX_EVENT_TYPE_LENGTH) {
            throw new IllegalArgumentException("event type is " + eventType.length() + " characters; expected at most "
                    + MAX_EVENT_TYPE_LENGTH);
        }
        if (!eventType.isEmpty() && !EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("event type '" + printable(eventType) + "' is malformed; expected dotted lower-case"
                    + " segments of a-z, 0-9 and _ (" + EVENT_TYPE.pattern() + ")");
        }
    }

    /** Checks the lengths and the printable text of the source and the metadata. */
    public static void checkSourceAndMetadata(String eventType, String source, Map<String, String> metadata) {
        checkSourceAndMetadata(eventType, source, metadata, true);
    }

    /**
     * Checks only the lengths and the number of entries: the emit path finds control characters
     * while it encodes the envelope, in the same pass, and calls {@link #checkSourceAndMetadata}
     * then for the message.
     */
    // Metadata keys the wire encoders add (rodent.level, rodent.event_type, rodent.payload.*).
    private static final String RESERVED_PREFIX = "rodent.";

    public static void checkSourceAndMetadataLengths(String eventType, String source, Map<String, String> metadata) {
        checkSourceAndMetadata(eventType, source, metadata, false);
    }

    private static void checkSourceAndMetadata(String eventType, String source, Map<String, String> metadata, boolean printable) {
        checkText(eventType, "source", null, source, MAX_SOURCE_LENGTH, printable);
        if (metadata == null) {
            return;
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw new IllegalArgumentException("metadata of " + eventType + " has " + metadata.size() + " entries; expected at most "
                    + MAX_METADATA_ENTRIES);
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            checkText(eventType, "metadata key", null, entry.getKey(), MAX_METADATA_KEY_LENGTH, printable);
            if (entry.getKey() != null && entry.getKey().startsWith(RESERVED_PREFIX)) {
                throw new IllegalArgumentException("metadata key '" + entry.getKey() + "' of " + eventType + " starts with '" + RESERVED_PREFIX
                        + "', which the node keeps for what a wire generation has no field for (docs/WIRE.md); expected another key");
            }
            checkText(eventType, "metadata value of ", entry.getKey(), entry.getValue(), MAX_METADATA_VALUE_LENGTH, printable);
        }
    }

    public static void checkPayload(String eventType, Message payload) {
        if (payload == null) {
            return;
        }
        if (payload.getSerializedSize() > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload of " + eventType + " is " + payload.getSerializedSize()
                    + " bytes encoded; expected at most " + MAX_PAYLOAD_BYTES);
        }
        if (FLOATING.computeIfAbsent(payload.getDescriptorForType(), EventLimits::floating)) {
            checkFinite(eventType, payload);
        }
    }

    // Message types that hold a float or double anywhere (a Struct's numbers are doubles): NaN and
    // the infinities have no JSON form, so a Toggle of 2025-09 could not read such a payload.
    private static final Map<Descriptor, Boolean> FLOATING = new ConcurrentHashMap<>();

    private static boolean floating(Descriptor message) {
        return floating(message, new HashSet<>());
    }

    private static boolean floating(Descriptor message, Set<Descriptor> seen) {
        if (!seen.add(message)) {
            return false;
        }
        for (FieldDescriptor field : message.getFields()) {
            FieldDescriptor.JavaType type = field.getJavaType();
            if (type == FieldDescriptor.JavaType.FLOAT || type == FieldDescriptor.JavaType.DOUBLE
                    || type == FieldDescriptor.JavaType.MESSAGE && floating(field.getMessageType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static void checkFinite(String eventType, Message message) {
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            for (Object value : field.isRepeated() ? (List<?>) entry.getValue() : List.of(entry.getValue())) {
                if (value instanceof Message nested) {
                    checkFinite(eventType, nested);
                } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                    throw new IllegalArgumentException("payload field " + field.getName() + " of " + eventType + " is " + value
                            + "; expected a finite number (JSON has no NaN or infinity)");
                }
            }
        }
    }

    public static void checkEventSize(String eventType, int serializedSize) {
        if (serializedSize > MAX_EVENT_BYTES) {
            throw new IllegalArgumentException("event " + eventType + " is " + serializedSize + " bytes encoded; expected at most "
                    + MAX_EVENT_BYTES);
        }
    }

    // On the emit path: the field's label is built only when a check fails.
    private static void checkText(String eventType, String field, String key, String text, int maxLength, boolean printable) {
        if (text == null) {
            return;
        }
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(label(field, key) + " of " + eventType + " is " + text.length()
                    + " characters; expected at most " + maxLength);
        }
        for (int i = 0; printable && i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException(label(field, key) + " of " + eventType + " holds a control character (U+"
                        + String.format("%04X", (int) text.charAt(i)) + ") at index " + i + "; expected printable text");
            }
        }
    }

    private static String label(String field, String key) {
        return key == null ? field : field + printable(key);
    }

    // For messages: a malformed value is shown cut short and with control characters escaped.
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > 64 ? shown + "…" : shown.toString();
    }
}
