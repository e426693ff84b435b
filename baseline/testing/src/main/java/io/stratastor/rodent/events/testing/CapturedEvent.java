package io.stratastor.rodent.events.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.TextFormat;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Map;

/** One event a module emitted, as it travels to Toggle, with its payload decoded. Immutable. */
public final class CapturedEvent {
    private final Event envelope;
    private final Message payload;

    private CapturedEvent(Event envelope, Message payload) {
        this.envelope = envelope;
        this.payload = payload;
    }

    static CapturedEvent of(Event envelope, EventCatalog catalog) {
        String type = envelope.getPayloadType();
        if (type.isEmpty()) {
            return new CapturedEvent(envelope, null);
        }
        Message prototype = EventCatalog.STRUCT.equals(type) ? Struct.getDefaultInstance()
                : catalog.payloadPrototype(type).orElseThrow(() -> new AssertionError(
                        "event " + envelope.getEventType() + " carries payload type " + type + ", which the schema does not define"));
        try {
            return new CapturedEvent(envelope, prototype.getParserForType().parseFrom(envelope.getPayload()));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("payload of " + envelope.getEventType() + " does not decode as " + type, e);
        }
    }

    /** The envelope exactly as it would reach Toggle. */
    public Event envelope() {
        return envelope;
    }

    public String eventId() {
        return envelope.getEventId();
    }

    public String eventType() {
        return envelope.getEventType();
    }

    public Level level() {
        return Level.of(envelope.getLevel());
    }

    public Category category() {
        return Category.of(envelope.getCategory());
    }

    public String source() {
        return envelope.getSource();
    }

    public long timestamp() {
        return envelope.getTimestamp();
    }

    public Map<String, String> metadata() {
        return envelope.getMetadataMap();
    }

    /** The payload message's full proto name, or empty when there is none. */
    public String payloadType() {
        return envelope.getPayloadType();
    }

    /** The decoded payload, or null when the event has none. */
    public Message payload() {
        return payload;
    }

    /**
     * The payload as {@code type}.
     *
     * @throws AssertionError naming both types when the payload is absent or of another message
     */
    public <M extends Message> M payload(Class<M> type) {
        if (!type.isInstance(payload)) {
            throw new AssertionError("payload of " + eventType() + " is " + (payload == null ? "absent" : payloadType())
                    + ", not " + type.getSimpleName());
        }
        return type.cast(payload);
    }

    @Override
    public String toString() {
        String text = eventType() + " " + level() + " " + category().label() + " from " + source();
        if (!metadata().isEmpty()) {
            text += " metadata=" + metadata();
        }
        if (payload != null) {
            text += " payload={" + TextFormat.printer().emittingSingleLine(true).printToString(payload).trim() + "}";
        }
        return text;
    }
}
