package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Formats an event envelope as one readable line for {@code events:tail}:
 * {@code TIME LEVEL CATEGORY TYPE SOURCE {metadata} PAYLOAD}, the time in ISO-8601 UTC with
 * milliseconds, the payload as compact JSON with proto field names (decoded with the catalogue's
 * payload prototypes, or as {@code google.protobuf.Struct} for the old API's payloads). Absent
 * parts show as {@code -}. Immutable and thread-safe.
 */
final class EventLine {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    // ESSENTIAL is the longest level; padding keeps the columns after it aligned.
    private static final int LEVEL_WIDTH = 9;

    private final EventCatalog catalog;
    private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace().preservingProtoFieldNames();

    EventLine(EventCatalog catalog) {
        this.catalog = catalog;
    }

    String format(Event event) {
        String level = level(event.getLevel());
        return TIME.format(Instant.ofEpochMilli(event.getTimestamp())) + " " + level + " ".repeat(Math.max(1, LEVEL_WIDTH + 1 - level.length()))
                + EventCatalog.labelOf(event.getCategory()) + " " + orDash(event.getEventType()) + " " + orDash(event.getSource())
                + " " + metadata(event.getMetadataMap()) + " " + payload(event);
    }

    private static String level(EventLevel wire) {
        return wire == EventLevel.EVENT_LEVEL_UNSPECIFIED || wire == EventLevel.UNRECOGNIZED ? "-" : Level.of(wire).name();
    }

    private static String metadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(metadata).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + CommandResults.oneLine(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    String payload(Event event) {
        String type = event.getPayloadType();
        int size = event.getPayload().size();
        if (type.isEmpty()) {
            return size == 0 ? "-" : "<" + size + " bytes without payload_type>";
        }
        Optional<Message> prototype = EventCatalog.STRUCT.equals(type)
                ? Optional.of(Struct.getDefaultInstance()) : catalog.payloadPrototype(type);
        if (prototype.isEmpty()) {
            return "<" + type + ": " + size + " bytes, not in this node's schema>";
        }
        try {
            return printer.print(prototype.get().getParserForType().parseFrom(event.getPayload()));
        } catch (InvalidProtocolBufferException e) {
            return "<" + type + ": " + size + " bytes, unreadable>";
        }
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
