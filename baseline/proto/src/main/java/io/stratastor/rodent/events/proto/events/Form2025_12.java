package io.stratastor.rodent.events.proto.events;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one event type travels in generation 2025-12: the wrapper field of {@code Event}
 * ({@code storage_event}), the payload case of the wrapper ({@code pool_event}), the operation
 * the case's payload carries, and for each field of the type's own payload message the field of
 * the case's message that holds its value, or none when the value travels in
 * {@code Event.metadata} under {@value #PAYLOAD_KEY_PREFIX}{@code <name>}. Read from the
 * {@code v2025_12_*} options of {@code events.proto}; descriptors are those of the compiled
 * 2025-12 schema ({@code toggle/v2025_12}). Immutable.
 */
public final class Form2025_12 {
    /** Metadata key prefix of a payload value that has no field of its own in 2025-12. */
    public static final String PAYLOAD_KEY_PREFIX = "rodent.payload.";
    /** Metadata key of the dotted event type, which 2025-12 has no field for. */
    public static final String EVENT_TYPE_KEY = "rodent.event_type";
    /** The option value that sends a payload field to the metadata. */
    public static final String IN_METADATA = "@metadata";

    private final FieldDescriptor wrapper;
    private final FieldDescriptor payloadCase;
    private final EnumValueDescriptor operation;
    private final EnumValueDescriptor category;
    private final Map<FieldDescriptor, FieldDescriptor> placement;

    Form2025_12(FieldDescriptor wrapper, FieldDescriptor payloadCase, EnumValueDescriptor operation, EnumValueDescriptor category,
            Map<FieldDescriptor, FieldDescriptor> placement) {
        this.wrapper = Objects.requireNonNull(wrapper);
        this.payloadCase = Objects.requireNonNull(payloadCase);
        this.operation = operation;
        this.category = Objects.requireNonNull(category);
        this.placement = Collections.unmodifiableMap(new LinkedHashMap<>(placement));
    }

    /** The field of 2025-12's {@code Event} in its {@code event_payload} oneof, e.g. {@code storage_event}. */
    public FieldDescriptor wrapper() {
        return wrapper;
    }

    /** The field of the wrapper in its {@code event_type} oneof, e.g. {@code pool_event}. */
    public FieldDescriptor payloadCase() {
        return payloadCase;
    }

    /** The payload case's message, e.g. 2025-12's {@code StoragePoolPayload}. */
    public Descriptor caseMessage() {
        return payloadCase.getMessageType();
    }

    /** The operation the case's payload carries; empty when its message has no {@code operation}. */
    public Optional<EnumValueDescriptor> operation() {
        return Optional.ofNullable(operation);
    }

    /**
     * The 2025-12 category: the wrapper's ({@code storage_event}: {@code EVENT_CATEGORY_STORAGE}),
     * which for the seed's {@code storage.transfer.*} is {@code DATA_TRANSFER}, not the type's own.
     */
    public EnumValueDescriptor category() {
        return category;
    }

    /**
     * For each field of the type's payload message, the case message's field that holds its value;
     * a field mapped to nothing travels in the metadata. Empty for a type without payload message.
     */
    public Map<FieldDescriptor, FieldDescriptor> placement() {
        return placement;
    }

    /** The case message's field for {@code payloadField}, or empty when its value travels in the metadata. */
    public Optional<FieldDescriptor> placeOf(FieldDescriptor payloadField) {
        return Optional.ofNullable(placement.get(payloadField));
    }

    /** {@code storage_event.pool_event STORAGE_POOL_OPERATION_CREATED}: how the shell and the docs show it. */
    @Override
    public String toString() {
        return wrapper.getName() + "." + payloadCase.getName() + (operation == null ? "" : " " + operation.getName());
    }
}
