package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strict decoder of generation 2025-09: the dotted {@code event_type} must be set, and the
 * payload must be empty or a UTF-8 JSON object; for a catalogued type with a payload message,
 * every key a field of that message and every value what Go's {@code encoding/json} accepts for
 * the generated struct's field. Other payloads are read as generic JSON. Immutable and thread-safe.
 */
public final class Decoder2025_09 extends EnvelopeDecoder {

    /** A decoder on the 2025-09 schema data. */
    public Decoder2025_09() {
        super(UpstreamSchema.of(WireGeneration.V2025_09));
    }

    @Override
    Body body(DynamicMessage message, ByteString wire, String category, String where, List<String> problems) {
        String type = (String) message.getField(message.getDescriptorForType().findFieldByName("event_type"));
        ByteString payload = (ByteString) message.getField(message.getDescriptorForType().findFieldByName("payload"));
        List<String> notes = new ArrayList<>();
        if (type.isEmpty()) {
            problems.add(where + "event_type is empty");
        }
        CatalogueEntry entry = schema().catalogue().get(type);
        if (entry == null && !type.isEmpty()) {
            notes.add("event type '" + type + "' is not in the 2025-09 catalogue; payload read as generic JSON");
        }
        if (payload.isEmpty()) {
            return new Body(type, "", Map.of(), notes);
        }
        Object json;
        try {
            json = StrictJson.parse(payload.toByteArray());
        } catch (StrictJson.SyntaxError e) {
            problems.add(where + "payload is not strict JSON: " + e.getMessage());
            return new Body(type, "", Map.of(), notes);
        }
        if (!(json instanceof Map<?, ?>)) {
            problems.add(where + "payload is " + JsonPayload.kind(json) + ", not a JSON object");
            return new Body(type, "", Map.of(), notes);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) json;
        if (entry != null && entry.hasPayloadMessage()) {
            return new Body(type, "", JsonPayload.read(schema().message(entry.payloadMessage()), object, where, problems), notes);
        }
        if (entry != null) {
            notes.add("event type '" + type + "' has no payload message; payload read as generic JSON");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> generic = (Map<String, Object>) JsonPayload.generic(object);
        return new Body(type, "", generic, notes);
    }
}
