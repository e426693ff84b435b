package io.stratastor.rodent.events.core.impl.intake;

import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the values of metadata keys and {@code Struct} payload fields whose names look like
 * secrets ({@code password}, {@code token}, …: a name containing any configured fragment,
 * case-insensitively) with {@value #REDACTED}, before an event reaches the spool. Typed payload
 * messages are left alone: the schema has no secret fields. Thread-safe.
 */
public final class Redactor {
    public static final String REDACTED = "[REDACTED]";

    // Metadata keys are nearly always the same few constants: remember the verdicts, up to a bound.
    private static final int MAX_REMEMBERED = 4096;

    private final List<String> fragments;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    public Redactor(List<String> fragments) {
        this.fragments = fragments.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).toList();
    }

    public List<String> fragments() {
        return fragments;
    }

    public boolean isSecret(String name) {
        Boolean known = verdicts.get(name);
        if (known != null) {
            return known;
        }
        boolean secret = matches(name);
        if (verdicts.size() < MAX_REMEMBERED) {
            verdicts.put(name, secret);
        }
        return secret;
    }

    private boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** The metadata with secret-looking values redacted; the same map when there are none. */
    public Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null || !anySecret(metadata)) {
            return metadata;
        }
        Map<String, String> redacted = new LinkedHashMap<>(metadata);
        redacted.replaceAll((key, value) -> isSecret(key) ? REDACTED : value);
        return redacted;
    }

    private boolean anySecret(Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            if (isSecret(key)) {
                return true;
            }
        }
        return false;
    }

    /** The payload with secret-looking {@code Struct} fields redacted, at any depth; other messages unchanged. */
    public Message payload(Message payload) {
        return payload instanceof Struct struct ? struct(struct) : payload;
    }

    private Struct struct(Struct struct) {
        Struct.Builder redacted = Struct.newBuilder();
        struct.getFieldsMap().forEach((name, value) ->
                redacted.putFields(name, isSecret(name) ? Value.newBuilder().setStringValue(REDACTED).build() : value(value)));
        return redacted.build();
    }

    private Value value(Value value) {
        if (value.hasStructValue()) {
            return Value.newBuilder().setStructValue(struct(value.getStructValue())).build();
        }
        if (value.hasListValue()) {
            ListValue.Builder list = ListValue.newBuilder();
            value.getListValue().getValuesList().forEach(item -> list.addValues(value(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        return value;
    }
}
