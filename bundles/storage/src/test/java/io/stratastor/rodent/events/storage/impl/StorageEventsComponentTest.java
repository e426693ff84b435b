package io.stratastor.rodent.events.storage.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageEventsComponentTest {
    private record Published(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
    }

    private final List<Published> published = new ArrayList<>();
    private final EventPublisher recorder = new EventPublisher() {
        @Override
        public void publish(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
            published.add(new Published(category, type, level, source, payload, metadata));
        }

        @Override
        public void publishLegacy(Category category, String type, Level level, String source, Message payload,
                Map<String, String> metadata) {
            throw new AssertionError("typed emitters never take the legacy path");
        }
    };
    private final StorageEventsComponent storage = new StorageEventsComponent(recorder);

    @Test
    void fixedResilverMethodUsesResilveredTypeAndInfoOnSuccess() {
        StoragePoolResilverPayload payload = StoragePoolResilverPayload.newBuilder().setPoolName("tank").setSuccess(true).build();

        storage.emitPoolResilver(payload, Meta.builder().put(Meta.POOL, "tank").build());

        assertThat(published).containsExactly(new Published(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO,
                StorageEvents.POOL_SOURCE, payload, Map.of(Meta.POOL, "tank")));
    }

    @Test
    void fixedResilverMethodReportsFailureAtErrorLevel() {
        storage.emitPoolResilver(StoragePoolResilverPayload.newBuilder().setPoolName("tank").setSuccess(false).build(), null);

        assertThat(published).singleElement().extracting(Published::level).isEqualTo(Level.ERROR);
    }

    @Test
    void typedMethodsFillTheirDefaultSourceAndOverloadsKeepTheGivenOne() {
        StorageSnapshotPayload payload = StorageSnapshotPayload.newBuilder().setSnapshotName("tank/home@daily").build();

        storage.emitSnapshot(EventTypes.STORAGE_SNAPSHOT_CREATED, Level.INFO, payload, null);
        storage.emitSnapshot("snapshot-scheduler", EventTypes.STORAGE_SNAPSHOT_CREATED, Level.INFO, payload, null);

        assertThat(published).extracting(Published::source)
                .containsExactly(StorageEvents.SNAPSHOT_SOURCE, "snapshot-scheduler");
    }

    @Test
    void untypedEmitPicksTheSourceFromTheTypesFamily() {
        storage.emit(null, EventTypes.STORAGE_TRANSFER_STARTED, Level.INFO, null, null);
        storage.emit(null, EventTypes.STORAGE_QUOTA_EXCEEDED, Level.WARN, null, null);
        storage.emit("zfs-cli", EventTypes.STORAGE_POOL_CREATED, Level.INFO, null, null);

        assertThat(published).extracting(Published::source)
                .containsExactly(StorageEvents.TRANSFER_SOURCE, StorageEvents.DATASET_SOURCE, "zfs-cli");
        assertThat(published).extracting(Published::category).containsOnly(Category.STORAGE);
    }
}
