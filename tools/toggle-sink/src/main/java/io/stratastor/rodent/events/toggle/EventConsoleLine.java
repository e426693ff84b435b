package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders an event as one line for people, e.g. {@code 2026-11-27T03:10:00.123Z INFO storage
 * storage.pool.resilvered zfs-pool-manager {"pool_name":"tank"} meta={pool=tank}}, the 2025-12
 * operation after the type ({@code storage_event.pool_event/STORAGE_POOL_OPERATION_CREATED}), and
 * {@code UNDECODABLE: <problems>} at the end of an event that did not decode; stateless.
 */
final class EventConsoleLine implements Function<DecodedEvent, String> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    @Override
    public String apply(DecodedEvent event) {
        return TIME.format(Instant.ofEpochMilli(event.timestamp()))
                + ' ' + EnumNames.shortLevel(event)
                + ' ' + EnumNames.shortCategory(event)
                + ' ' + (event.type().isEmpty() ? "-" : event.type()) + (event.operation().isEmpty() ? "" : "/" + event.operation())
                + ' ' + event.source()
                + ' ' + (event.payload().isEmpty() ? "-" : PayloadJson.text(event.payload()))
                + " meta=" + new TreeMap<>(event.metadata())
                + (event.decodable() ? "" : " UNDECODABLE: " + String.join("; ", event.problems()));
    }
}
