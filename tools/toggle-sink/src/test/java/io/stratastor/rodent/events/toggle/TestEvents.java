package io.stratastor.rodent.events.toggle;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.util.List;

/** Sample envelopes and batches for the sink's tests; stateless. */
final class TestEvents {
    static final long TIMESTAMP = 1_795_749_000_123L; // 2026-11-27T03:10:00.123Z

    private TestEvents() {
    }

    static Event resilver(String eventId, String pool) {
        StoragePoolResilverPayload payload = StoragePoolResilverPayload.newBuilder()
                .setPoolName(pool).setDurationSeconds(3600).setBytesResilvered(1024).setSuccess(true).build();
        return Event.newBuilder()
                .setEventId(eventId)
                .setEventType("storage.pool.resilvered")
                .setLevel(EventLevel.EVENT_LEVEL_INFO)
                .setCategory(EventCategory.EVENT_CATEGORY_STORAGE)
                .setSource("zfs-pool-manager")
                .setTimestamp(TIMESTAMP)
                .setPayload(payload.toByteString())
                .setPayloadType(StoragePoolResilverPayload.getDescriptor().getFullName())
                .putMetadata("pool", pool)
                .build();
    }

    static Event structPayload(String eventId) {
        Struct map = Struct.newBuilder().putFields("disk", Value.newBuilder().setStringValue("sda").build()).build();
        return resilver(eventId, "tank").toBuilder()
                .setPayload(map.toByteString())
                .setPayloadType(Struct.getDescriptor().getFullName())
                .build();
    }

    static Event unknownPayloadType(String eventId) {
        return resilver(eventId, "tank").toBuilder()
                .setPayload(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setPayloadType("rodent.events.NoSuchPayload")
                .build();
    }

    static EventBatch batch(String batchId, Event... events) {
        return EventBatch.newBuilder().setBatchId(batchId).setBatchTimestamp(TIMESTAMP).addAllEvents(List.of(events)).build();
    }
}
