package io.stratastor.rodent.events.upstream;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;

/**
 * One event of a batch as a strict decoder read it, in terms common to both generations; an
 * immutable value.
 *
 * <p>Payload values are {@code String}, {@code Boolean}, {@code Integer} (int32, sint32, sfixed32
 * and 2025-09 enums), {@code Long} (int64 and the unsigned types; a uint64 above
 * {@code Long.MAX_VALUE} keeps its bits, as protobuf-java does), {@code Float}, {@code Double},
 * {@code ByteString}, a 2025-12 enum's value name, {@code List} for repeated fields and
 * {@code Map} for maps and nested messages; a payload decoded generically (a type outside the
 * catalogue, or one without a payload message) holds the JSON's own values: maps, lists,
 * strings, booleans, {@code Long} for integers that fit, else {@code Double}, and null.
 *
 * @param eventId the {@code event_id}; empty when none was sent
 * @param level the level's value name, e.g. {@code EVENT_LEVEL_INFO}, or its number when the schema lacks it
 * @param category the category's value name, e.g. {@code EVENT_CATEGORY_STORAGE}, or its number
 * @param source the {@code source}
 * @param timestamp the {@code timestamp}, Unix milliseconds
 * @param metadata the {@code metadata}
 * @param type 2025-09: the dotted {@code event_type}; 2025-12: {@code <wrapper>.<case>}, e.g.
 *     {@code storage_event.pool_event}; empty when none was sent
 * @param operation 2025-12: the payload's {@code operation} value name, empty when its message has
 *     none; 2025-09: always empty
 * @param payload the payload's fields set, by proto name (2025-12: without {@code operation}); empty for no payload
 * @param notes information that is no fault, e.g. a type not in the catalogue
 * @param problems everything a strict Toggle refuses, each naming the event and the field or key; empty when decodable
 * @param wire the event's bytes exactly as received
 */
public record DecodedEvent(String eventId, String level, String category, String source, long timestamp,
        Map<String, String> metadata, String type, String operation, Map<String, Object> payload,
        List<String> notes, List<String> problems, ByteString wire) {

    /** Copies the collections; null payload values (JSON null in a generic payload) are kept. */
    public DecodedEvent {
        metadata = Map.copyOf(metadata);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** Whether the event decoded without a problem. */
    public boolean decodable() {
        return problems.isEmpty();
    }
}
