package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.testing.EventCapture;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventConstants;

class EventPropertiesTest {
    private final EventCapture capture = EventCapture.standalone();
    private final EventProperties properties = new EventProperties(EventCatalog.fromSchema());

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void resilverEventCarriesEveryEnvelopeFieldAndItsPayloadAsMapAndMessage() throws Exception {
        StoragePoolResilverPayload payload = StoragePoolResilverPayload.newBuilder()
                .setPoolName("tank").setDurationSeconds(3600).setBytesResilvered(1L << 40).setSuccess(true).build();
        capture.emitter(StorageEvents.class).emitPoolResilver(payload, Map.of("pool", "tank"));
        Event envelope = capture.events().get(0).envelope();

        Map<String, Object> props = properties.of(envelope);

        assertThat(props).containsEntry("id", envelope.getEventId())
                .containsEntry("type", EventTypes.STORAGE_POOL_RESILVERED)
                .containsEntry("level", "info")
                .containsEntry("category", "storage")
                .containsEntry("source", StorageEvents.POOL_SOURCE)
                .containsEntry("timestamp", envelope.getTimestamp())
                .containsEntry(EventConstants.TIMESTAMP, envelope.getTimestamp())
                .containsEntry("metadata", Map.of("pool", "tank"))
                .containsEntry("payload", Map.of("pool_name", "tank", "duration_seconds", 3600L, "bytes_resilvered", 1L << 40,
                        "success", true))
                .containsEntry("payload.message", payload)
                .containsEntry("payload.type", "rodent.events.StoragePoolResilverPayload")
                .doesNotContainKey("payload.bytes");
        assertThat(envelope.getTimestamp()).isPositive();
        assertThat(props.get("id").toString()).isNotEmpty();
    }

    @Test
    void repeatedAndMapFieldsBecomeListsAndMaps() throws Exception {
        StorageDatasetPayload payload = StorageDatasetPayload.newBuilder().setDatasetName("tank/home").setPoolName("tank")
                .setUsed(5).putProperties("compression", "lz4").putProperties("atime", "off").build();
        capture.emitter(StorageEvents.class).emitDataset(EventTypes.STORAGE_DATASET_CREATED, Level.WARN, payload, Map.of());

        Map<String, Object> props = properties.of(capture.events().get(0).envelope());

        assertThat(props).containsEntry("level", "warn").containsEntry("metadata", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) props.get("payload");
        assertThat(values).containsEntry("dataset_name", "tank/home").containsEntry("used", 5L).containsEntry("available", 0L)
                .containsEntry("mountpoint", "").containsEntry("properties", Map.of("compression", "lz4", "atime", "off"));
    }

    @Test
    void legacyMapPayloadBecomesThePlainMapItHolds() throws Exception {
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("pool_name", "tank");
        legacy.put("size", 42);
        legacy.put("tags", List.of("a", "b"));
        legacy.put("nested", Map.of("ok", true));
        capture.emitter(LegacyEventEmitter.class).emitStorageEvent(EventTypes.STORAGE_POOL_CREATED, Level.INFO, legacy, Map.of());

        Map<String, Object> props = properties.of(capture.events().get(0).envelope());

        assertThat(props).containsEntry("payload.type", "google.protobuf.Struct")
                .containsEntry("payload", Map.of("pool_name", "tank", "size", 42.0, "tags", List.of("a", "b"), "nested", Map.of("ok", true)));
    }

    @Test
    void payloadOutsideTheSchemaKeepsItsTypeAndBytes() throws Exception {
        Event envelope = Event.newBuilder().setEventId("e1").setEventType("storage.other").setPayloadType("rodent.events.Unknown")
                .setPayload(ByteString.copyFromUtf8("xyz")).build();

        Map<String, Object> props = properties.of(envelope);

        assertThat(props).containsEntry("payload.type", "rodent.events.Unknown").containsEntry("level", "unspecified")
                .containsEntry("category", "unspecified").doesNotContainKeys("payload", "payload.message");
        assertThat(Arrays.equals((byte[]) props.get("payload.bytes"), "xyz".getBytes())).isTrue();
    }

    @Test
    void eventWithoutPayloadHasNoPayloadProperties() throws Exception {
        Map<String, Object> props = properties.of(Event.newBuilder().setEventId("e1").setEventType("system.startup").build());

        assertThat(props).doesNotContainKeys("payload", "payload.message", "payload.type", "payload.bytes").containsKey("metadata");
    }

    @Test
    void payloadThatDoesNotParseIsRefused() {
        Event envelope = Event.newBuilder().setEventId("e1").setEventType(EventTypes.STORAGE_POOL_RESILVERED)
                .setPayloadType("rodent.events.StoragePoolResilverPayload").setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff}))
                .build();

        assertThatThrownBy(() -> properties.of(envelope)).isInstanceOf(InvalidProtocolBufferException.class);
    }
}
