package io.stratastor.rodent.events.toggle;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders an event as one compact JSON line: {@code event_id}, {@code type} (2025-09: the dotted
 * type; 2025-12: {@code <wrapper>.<case>}), {@code operation} (2025-12), level, category, source,
 * timestamp, metadata, the decoded payload under its proto field names (null when none), and
 * {@code notes} and {@code problems} when there are any; stateless.
 */
final class EventJsonLine implements Function<DecodedEvent, String> {

    @Override
    public String apply(DecodedEvent event) {
        JsonObject line = new JsonObject();
        line.addProperty("event_id", event.eventId());
        line.addProperty("type", event.type());
        if (!event.operation().isEmpty()) {
            line.addProperty("operation", event.operation());
        }
        line.addProperty("level", event.level());
        line.addProperty("category", event.category());
        line.addProperty("source", event.source());
        line.addProperty("timestamp", event.timestamp());
        JsonObject metadata = new JsonObject();
        for (Map.Entry<String, String> entry : new TreeMap<>(event.metadata()).entrySet()) {
            metadata.addProperty(entry.getKey(), entry.getValue());
        }
        line.add("metadata", metadata);
        line.add("payload", event.payload().isEmpty() ? JsonNull.INSTANCE : PayloadJson.of(event.payload()));
        if (!event.notes().isEmpty()) {
            line.add("notes", strings(event.notes()));
        }
        if (!event.decodable()) {
            line.add("problems", strings(event.problems()));
        }
        return PayloadJson.GSON.toJson(line);
    }

    private static JsonArray strings(Iterable<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
