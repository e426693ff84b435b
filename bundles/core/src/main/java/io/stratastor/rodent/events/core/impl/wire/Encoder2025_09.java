package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generation 2025-09: fields 1–8 of {@code rodent.Event}, the payload as Go's JSON
 * ({@link GoJson}), nothing in 9–20. A level 2025-09 lacks travels as {@code INFO} with its name in
 * {@code metadata["rodent.level"]}; the categories {@code usage} and {@code data_transfer} travel
 * as {@code SYSTEM} and {@code STORAGE}, their dotted type naming them. Thread-safe.
 */
final class Encoder2025_09 implements WireEncoder {
    private static final int LAST_LEVEL = 4;
    private static final int USAGE = 9;
    private static final int DATA_TRANSFER = 10;
    private static final int SYSTEM = 1;
    private static final int STORAGE = 2;

    private final EventCatalog catalog;

    Encoder2025_09(EventCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Generation generation() {
        return Generation.V2025_09;
    }

    @Override
    public WireEvent encode(ByteBuffer record) {
        Event event = StoredPayload.event(record);
        io.stratastor.rodent.events.wire.v2025_09.Event.Builder out = io.stratastor.rodent.events.wire.v2025_09.Event.newBuilder()
                .setEventId(event.getEventId())
                .setEventType(event.getEventType())
                .setSource(event.getSource())
                .setTimestamp(event.getTimestamp());
        boolean carried = false;
        Map<String, String> metadata = event.getMetadataMap();
        int level = event.getLevelValue();
        if (level > LAST_LEVEL) {
            metadata = new LinkedHashMap<>(metadata);
            metadata.put(StoredPayload.LEVEL_KEY, Level.of(event.getLevel()).label());
            level = Level.INFO.number();
            carried = true;
        }
        out.setLevelValue(level);
        int category = event.getCategoryValue();
        out.setCategoryValue(category == USAGE ? SYSTEM : category == DATA_TRANSFER ? STORAGE : category);
        if (!event.getPayloadType().isEmpty()) {
            Message payload = StoredPayload.payload(event, catalog);
            if (payload == null) {
                metadata = new LinkedHashMap<>(metadata);
                StoredPayload.keepUndecoded(event, metadata);
                carried = true;
            } else {
                out.setPayload(ByteString.copyFrom(GoJson.bytes(payload)));
            }
        }
        out.putAllMetadata(metadata);
        return new WireEvent(out.build().toByteArray(), carried);
    }
}
