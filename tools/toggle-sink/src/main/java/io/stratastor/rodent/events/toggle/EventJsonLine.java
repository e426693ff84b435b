package io.stratastor.rodent.events.toggle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.stratastor.rodent.events.proto.Event;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders an event as one compact JSON line: the envelope's fields under their proto names, and
 * the payload decoded to JSON (or its Base64 bytes and an error); immutable and thread-safe.
 */
final class EventJsonLine implements Function<Event, String> {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final PayloadDecoder decoder;

    EventJsonLine(PayloadDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public String apply(Event event) {
        JsonObject line = new JsonObject();
        line.addProperty("event_id", event.getEventId());
        line.addProperty("event_type", event.getEventType());
        line.addProperty("level", EnumNames.level(event));
        line.addProperty("category", EnumNames.category(event));
        line.addProperty("source", event.getSource());
        line.addProperty("timestamp", event.getTimestamp());
        JsonObject metadata = new JsonObject();
        for (Map.Entry<String, String> entry : new TreeMap<>(event.getMetadataMap()).entrySet()) {
            metadata.addProperty(entry.getKey(), entry.getValue());
        }
        line.add("metadata", metadata);
        line.addProperty("payload_type", event.getPayloadType());
        DecodedPayload payload = decoder.decode(event);
        if (payload.isDecoded()) {
            line.add("payload", JsonParser.parseString(payload.json()));
        } else if (payload.isAbsent()) {
            line.add("payload", JsonNull.INSTANCE);
        } else {
            line.addProperty("payload_base64", payload.base64());
            line.addProperty("payload_error", payload.error());
        }
        return GSON.toJson(line);
    }
}
