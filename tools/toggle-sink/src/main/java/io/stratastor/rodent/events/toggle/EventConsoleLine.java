package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.proto.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders an event as one line for people, e.g. {@code 2026-11-27T03:10:00.123Z INFO storage
 * storage.pool.resilvered zfs-pool-manager {"poolName":"tank"} meta={pool=tank}}; immutable and thread-safe.
 */
final class EventConsoleLine implements Function<Event, String> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private final PayloadDecoder decoder;

    EventConsoleLine(PayloadDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public String apply(Event event) {
        return TIME.format(Instant.ofEpochMilli(event.getTimestamp()))
                + ' ' + EnumNames.shortLevel(event)
                + ' ' + EnumNames.shortCategory(event)
                + ' ' + event.getEventType()
                + ' ' + event.getSource()
                + ' ' + payload(decoder.decode(event))
                + " meta=" + new TreeMap<>(event.getMetadataMap());
    }

    private static String payload(DecodedPayload payload) {
        if (payload.isDecoded()) {
            return payload.json();
        }
        if (payload.isAbsent()) {
            return "-";
        }
        return "<" + payload.error() + "> base64=" + payload.base64();
    }
}
