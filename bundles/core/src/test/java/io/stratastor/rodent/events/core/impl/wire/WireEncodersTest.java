package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StorageTransferPayload;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import io.stratastor.rodent.events.wire.v2025_12.events.DataTransferTransferPayload;
import io.stratastor.rodent.events.wire.v2025_12.events.StorageEvent;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each generation's encoding of stored records, read back with the generation's own compiled messages. */
class WireEncodersTest {
    private static final WireEncoders ENCODERS = new WireEncoders(EventCatalog.fromSchema());

    private static Event stored(String type, EventLevel level, EventCategory category, Message payload) {
        Event.Builder event = Event.newBuilder().setEventId("0190a000-0000-7000-8000-000000000001").setEventType(type).setLevel(level)
                .setCategory(category).setSource("zfs-pool-manager").setTimestamp(1_764_000_000_000L).putMetadata("pool", "tank");
        if (payload != null) {
            event.setPayload(payload.toByteString()).setPayloadType(payload.getDescriptorForType().getFullName());
        }
        return event.build();
    }

    private static WireEncoder.WireEvent encode(Generation generation, Event event) {
        return ENCODERS.of(generation).encode(ByteBuffer.wrap(event.toByteArray()));
    }

    private static final StoragePoolPayload POOL = StoragePoolPayload.newBuilder().setPoolName("tank").setPoolState("ONLINE")
            .setTotalSize(1000).addVdevs("sda").build();

    @Test
    void v2025_09CarriesFieldsOneToEightAndTheJsonPayload() throws Exception {
        WireEncoder.WireEvent encoded = encode(Generation.V2025_09,
                stored("storage.pool.created", EventLevel.EVENT_LEVEL_WARN, EventCategory.EVENT_CATEGORY_STORAGE, POOL));

        io.stratastor.rodent.events.wire.v2025_09.Event event = io.stratastor.rodent.events.wire.v2025_09.Event.parseFrom(encoded.bytes());
        assertThat(event.getUnknownFields().asMap()).isEmpty();
        assertThat(event.getEventType()).isEqualTo("storage.pool.created");
        assertThat(event.getLevel()).isEqualTo(io.stratastor.rodent.events.wire.v2025_09.EventLevel.EVENT_LEVEL_WARN);
        assertThat(event.getCategory()).isEqualTo(io.stratastor.rodent.events.wire.v2025_09.EventCategory.EVENT_CATEGORY_STORAGE);
        assertThat(event.getPayload().toStringUtf8())
                .isEqualTo("{\"pool_name\":\"tank\",\"pool_state\":\"ONLINE\",\"total_size\":1000,\"vdevs\":[\"sda\"]}");
        assertThat(event.getMetadataMap()).containsExactly(Map.entry("pool", "tank"));
        assertThat(encoded.carried()).isFalse();
    }

    @Test
    void v2025_09HasNoNumberForTodaysLevelsAndCategories() throws Exception {
        UsageQuotaPayload quota = UsageQuotaPayload.newBuilder().setResourceType("storage").setQuotaLimit(10).build();
        WireEncoder.WireEvent encoded = encode(Generation.V2025_09,
                stored("usage.quota.exceeded", EventLevel.EVENT_LEVEL_ESSENTIAL, EventCategory.EVENT_CATEGORY_USAGE, quota));

        io.stratastor.rodent.events.wire.v2025_09.Event event = io.stratastor.rodent.events.wire.v2025_09.Event.parseFrom(encoded.bytes());
        assertThat(event.getLevel()).isEqualTo(io.stratastor.rodent.events.wire.v2025_09.EventLevel.EVENT_LEVEL_INFO);
        assertThat(event.getCategory()).isEqualTo(io.stratastor.rodent.events.wire.v2025_09.EventCategory.EVENT_CATEGORY_SYSTEM);
        assertThat(event.getMetadataMap()).containsEntry("rodent.level", "essential");
        assertThat(event.getEventType()).isEqualTo("usage.quota.exceeded");
        assertThat(encoded.carried()).isTrue();
    }

    @Test
    void v2025_12PutsEachValueInItsPlaceAndTheRestInTheMetadata() throws Exception {
        WireEncoder.WireEvent encoded = encode(Generation.V2025_12,
                stored("storage.pool.created", EventLevel.EVENT_LEVEL_INFO, EventCategory.EVENT_CATEGORY_STORAGE, POOL));

        io.stratastor.rodent.events.wire.v2025_12.events.Event event =
                io.stratastor.rodent.events.wire.v2025_12.events.Event.parseFrom(encoded.bytes());
        assertThat(event.getUnknownFields().asMap()).isEmpty();
        assertThat(event.getCategory()).isEqualTo(io.stratastor.rodent.events.wire.v2025_12.events.EventCategory.EVENT_CATEGORY_STORAGE);
        assertThat(event.getStorageEvent().getEventTypeCase()).isEqualTo(StorageEvent.EventTypeCase.POOL_EVENT);
        io.stratastor.rodent.events.wire.v2025_12.events.StoragePoolPayload pool = event.getStorageEvent().getPoolEvent();
        assertThat(pool.getOperation())
                .isEqualTo(io.stratastor.rodent.events.wire.v2025_12.events.StoragePoolPayload.StoragePoolOperation.STORAGE_POOL_OPERATION_CREATED);
        assertThat(pool.getPoolName()).isEqualTo("tank");
        assertThat(pool.getSizeBytes()).isEqualTo(1000);
        assertThat(pool.getDevicesList()).containsExactly("sda");
        assertThat(event.getMetadataMap()).containsExactlyInAnyOrderEntriesOf(Map.of("pool", "tank", "rodent.event_type",
                "storage.pool.created", "rodent.payload.pool_state", "ONLINE"));
        assertThat(encoded.carried()).isTrue();
    }

    @Test
    void v2025_12SendsTheSeedsTransfersAsDataTransferEvents() throws Exception {
        StorageTransferPayload transfer = StorageTransferPayload.newBuilder().setTransferId("t-1").setBytesTransferred(77).build();
        WireEncoder.WireEvent encoded = encode(Generation.V2025_12,
                stored("storage.transfer.failed", EventLevel.EVENT_LEVEL_ERROR, EventCategory.EVENT_CATEGORY_STORAGE, transfer));

        io.stratastor.rodent.events.wire.v2025_12.events.Event event =
                io.stratastor.rodent.events.wire.v2025_12.events.Event.parseFrom(encoded.bytes());
        assertThat(event.getCategory())
                .isEqualTo(io.stratastor.rodent.events.wire.v2025_12.events.EventCategory.EVENT_CATEGORY_DATA_TRANSFER);
        DataTransferTransferPayload payload = event.getDataTransferEvent().getTransferEvent();
        assertThat(payload.getTransferId()).isEqualTo("t-1");
        assertThat(payload.getOperation()).isEqualTo(DataTransferTransferPayload.DataTransferOperation.DATA_TRANSFER_OPERATION_FAILED);
        assertThat(event.getMetadataMap()).containsEntry("rodent.payload.bytes_transferred", "77");
        assertThat(event.getLevelValue()).isEqualTo(3);
    }

    @Test
    void v2025_12FitsAPlainMapIntoTheCasesFieldsWhereTheValuesFit() throws Exception {
        Struct map = Struct.newBuilder()
                .putFields("pool_name", Value.newBuilder().setStringValue("tank").build())
                .putFields("size_bytes", Value.newBuilder().setNumberValue(4096).build())
                .putFields("devices", Value.newBuilder().setStringValue("not a list").build())
                .putFields("note", Value.newBuilder().setBoolValue(true).build())
                .build();
        Event stored = stored("storage.pool.imported", EventLevel.EVENT_LEVEL_DEBUG, EventCategory.EVENT_CATEGORY_STORAGE, map);

        io.stratastor.rodent.events.wire.v2025_12.events.Event event =
                io.stratastor.rodent.events.wire.v2025_12.events.Event.parseFrom(encode(Generation.V2025_12, stored).bytes());
        io.stratastor.rodent.events.wire.v2025_12.events.StoragePoolPayload pool = event.getStorageEvent().getPoolEvent();
        assertThat(pool.getPoolName()).isEqualTo("tank");
        assertThat(pool.getSizeBytes()).isEqualTo(4096);
        assertThat(pool.getDevicesList()).isEmpty();
        assertThat(event.getMetadataMap()).containsEntry("rodent.payload.devices", "not a list").containsEntry("rodent.payload.note", "true");
        assertThat(event.getLevelValue()).isEqualTo(6);
    }

    @Test
    void aPayloadTheCatalogueLacksIsKeptNotDropped() throws Exception {
        Event stored = stored("storage.pool.created", EventLevel.EVENT_LEVEL_INFO, EventCategory.EVENT_CATEGORY_STORAGE, null).toBuilder()
                .setPayload(ByteString.copyFromUtf8("\u0001\u0002")).setPayloadType("rodent.events.FuturePayload").build();

        for (Generation generation : Generation.values()) {
            WireEncoder.WireEvent encoded = encode(generation, stored);
            assertThat(encoded.carried()).isTrue();
            assertThat(io.stratastor.rodent.events.wire.v2025_09.Event.parseFrom(encoded.bytes()).getMetadataMap()
                    .getOrDefault("rodent.payload_base64", io.stratastor.rodent.events.wire.v2025_12.events.Event
                            .parseFrom(encoded.bytes()).getMetadataMap().get("rodent.payload_base64"))).isEqualTo("AQI=");
        }
    }
}
