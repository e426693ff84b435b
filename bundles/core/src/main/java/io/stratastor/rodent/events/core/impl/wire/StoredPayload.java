package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a stored record and its payload message back, and names the metadata keys through which a
 * generation carries what it has no field for. Stateless; thread-safe.
 */
final class StoredPayload {
    /** The node's level where 2025-09 has none ({@code essential}, {@code debug}, {@code trace}). */
    static final String LEVEL_KEY = "rodent.level";
    /** The payload message's name and bytes of a payload the node cannot decode (a schema it lacks). */
    static final String PAYLOAD_TYPE_KEY = "rodent.payload_type";
    static final String PAYLOAD_BASE64_KEY = "rodent.payload_base64";

    private StoredPayload() {
    }

    static Event event(ByteBuffer record) {
        try {
            return Event.parseFrom(record.duplicate());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("a stored record does not parse as an Event: " + e.getMessage(), e);
        }
    }

    /** The payload as its message, or null when there is none or its message is not in the catalogue. */
    static Message payload(Event event, EventCatalog catalog) {
        String type = event.getPayloadType();
        if (type.isEmpty()) {
            return null;
        }
        Message prototype = EventCatalog.STRUCT.equals(type) ? Struct.getDefaultInstance()
                : catalog.payloadPrototype(type).orElse(null);
        if (prototype == null) {
            return null;
        }
        try {
            return prototype.getParserForType().parseFrom(event.getPayload());
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    /** Keeps a payload that could not be decoded, so that nothing is silently dropped. */
    static void keepUndecoded(Event event, Map<String, String> metadata) {
        metadata.put(PAYLOAD_TYPE_KEY, event.getPayloadType());
        metadata.put(PAYLOAD_BASE64_KEY, Base64.getEncoder().encodeToString(event.getPayload().toByteArray()));
    }
}
