package io.stratastor.rodent.events.proto.events;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.proto.EventCategory;
import java.util.Objects;
import java.util.Optional;

/**
 * One event type of the schema: its dotted name, category, enum value and payload message.
 * Immutable.
 */
public final class EventTypeDefinition {
    private final String eventType;
    private final EventCategory category;
    private final String enumValue;
    private final int number;
    private final Message payloadPrototype;
    private final Form2025_12 form2025_12;

    EventTypeDefinition(String eventType, EventCategory category, String enumValue, int number, Message payloadPrototype,
            Form2025_12 form2025_12) {
        this.eventType = Objects.requireNonNull(eventType);
        this.category = Objects.requireNonNull(category);
        this.enumValue = Objects.requireNonNull(enumValue);
        this.number = number;
        this.payloadPrototype = payloadPrototype;
        this.form2025_12 = Objects.requireNonNull(form2025_12);
    }

    /** How the type travels in generation 2025-12: wrapper, payload case, operation, field places. */
    public Form2025_12 form2025_12() {
        return form2025_12;
    }

    /** The dotted event type, e.g. {@code storage.pool.resilvered}. */
    public String eventType() {
        return eventType;
    }

    public EventCategory category() {
        return category;
    }

    /** The enum value's name, e.g. {@code STORAGE_EVENT_TYPE_POOL_RESILVERED}. */
    public String enumValue() {
        return enumValue;
    }

    /** The enum value's number in its {@code <Category>EventType} enum. */
    public int number() {
        return number;
    }

    /** The default instance of the type's payload message; empty when the type has none. */
    public Optional<Message> payloadPrototype() {
        return Optional.ofNullable(payloadPrototype);
    }

    /** The payload message's descriptor; empty when the type has none. */
    public Optional<Descriptor> payloadDescriptor() {
        return payloadPrototype().map(Message::getDescriptorForType);
    }

    /** The payload message's full proto name, or the empty string when the type has none. */
    public String payloadTypeName() {
        return payloadPrototype == null ? "" : payloadPrototype.getDescriptorForType().getFullName();
    }

    @Override
    public String toString() {
        return eventType + " (" + enumValue + " = " + number + ", payload " + (payloadPrototype == null ? "none" : payloadTypeName()) + ")";
    }
}
