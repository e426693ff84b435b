package io.stratastor.rodent.events.toggle;

import com.google.protobuf.ByteString;
import io.stratastor.rodent.events.wire.v2025_09.Event;
import io.stratastor.rodent.events.wire.v2025_09.EventBatch;
import io.stratastor.rodent.events.wire.v2025_09.EventCategory;
import io.stratastor.rodent.events.wire.v2025_09.EventLevel;
import io.stratastor.rodent.events.wire.v2025_12.events.StorageEvent;
import io.stratastor.rodent.events.wire.v2025_12.events.StoragePoolPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Hand-made envelopes and batches of both wire generations for the sink's tests; stateless. */
final class TestEvents {
    static final long TIMESTAMP = 1_795_749_000_123L; // 2026-11-27T03:10:00.123Z
    /** The resilver payload as Go's json.Marshal writes it. */
    static final String RESILVER_JSON = "{\"pool_name\":\"%s\",\"duration_seconds\":3600,\"bytes_resilvered\":1024,\"success\":true}";

    private TestEvents() {
    }

    /** A 2025-09 storage.pool.resilvered event with its JSON payload. */
    static Event resilver(String eventId, String pool) {
        return Event.newBuilder()
                .setEventId(eventId)
                .setEventType("storage.pool.resilvered")
                .setLevel(EventLevel.EVENT_LEVEL_INFO)
                .setCategory(EventCategory.EVENT_CATEGORY_STORAGE)
                .setSource("zfs-pool-manager")
                .setTimestamp(TIMESTAMP)
                .setPayload(ByteString.copyFrom(String.format(RESILVER_JSON, pool), StandardCharsets.UTF_8))
                .putMetadata("pool", pool)
                .build();
    }

    /** The payload {@link #resilver} decodes to. */
    static Map<String, Object> resilverPayload(String pool) {
        return Map.of("pool_name", pool, "duration_seconds", 3600L, "bytes_resilvered", 1024L, "success", true);
    }

    /** A 2025-09 event whose payload is {@code json}. */
    static Event withPayload(String eventId, String json) {
        return resilver(eventId, "tank").toBuilder().setPayload(ByteString.copyFrom(json, StandardCharsets.UTF_8)).build();
    }

    static EventBatch batch(String batchId, Event... events) {
        return EventBatch.newBuilder().setBatchId(batchId).setBatchTimestamp(TIMESTAMP).addAllEvents(List.of(events)).build();
    }

    /** A 2025-12 storage_event.pool_event with operation CREATED. */
    static io.stratastor.rodent.events.wire.v2025_12.events.Event poolCreated(String eventId) {
        return io.stratastor.rodent.events.wire.v2025_12.events.Event.newBuilder()
                .setEventId(eventId)
                .setLevel(io.stratastor.rodent.events.wire.v2025_12.events.EventLevel.EVENT_LEVEL_INFO)
                .setCategory(io.stratastor.rodent.events.wire.v2025_12.events.EventCategory.EVENT_CATEGORY_STORAGE)
                .setSource("zfs-pool-manager")
                .setTimestamp(TIMESTAMP)
                .putMetadata("rodent.event_type", "storage.pool.created")
                .setStorageEvent(StorageEvent.newBuilder().setPoolEvent(StoragePoolPayload.newBuilder()
                        .setPoolName("tank").addDevices("sda").setSizeBytes(1024)
                        .setOperation(StoragePoolPayload.StoragePoolOperation.STORAGE_POOL_OPERATION_CREATED)))
                .build();
    }

    static io.stratastor.rodent.events.wire.v2025_12.EventBatch batch2025_12(String batchId,
            io.stratastor.rodent.events.wire.v2025_12.events.Event... events) {
        return io.stratastor.rodent.events.wire.v2025_12.EventBatch.newBuilder().setBatchId(batchId).setBatchTimestamp(TIMESTAMP)
                .addAllEvents(List.of(events)).build();
    }
}
