package io.stratastor.rodent.events.storage.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDiskPayload;
import io.stratastor.rodent.events.proto.events.StorageDiskProbePayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
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

    @Test
    void poolExpandedIsInfoFromThePoolManager() {
        StoragePoolPayload payload = StoragePoolPayload.newBuilder().setPoolName("tank").setTotalSize(1L << 40).build();

        storage.emitPoolExpanded(payload, Map.of(Meta.POOL, "tank"));

        assertThat(published).containsExactly(new Published(Category.STORAGE, EventTypes.STORAGE_POOL_EXPANDED, Level.INFO,
                StorageEvents.POOL_SOURCE, payload, Map.of(Meta.POOL, "tank")));
    }

    @Test
    void fixedDiskMethodsPickTypeLevelAndTheDiskSource() {
        StorageDiskPayload payload = StorageDiskPayload.newBuilder().setDeviceId("wwn-0x5000c500a1b2c3d4").setPoolName("tank").build();

        storage.emitDiskDiscovered(payload, null);
        storage.emitDiskRemoved(payload, null);
        storage.emitDiskAddedToPool(payload, null);
        storage.emitDiskRemovedFromPool(payload, null);
        storage.emitDiskValidated(payload, null);
        storage.emitDiskQuarantined(payload, null);
        storage.emitDiskStateChanged(payload, null);
        storage.emitDiskHealthChanged(payload, null);

        assertThat(published).extracting(Published::type, Published::level).containsExactly(
                tuple(EventTypes.STORAGE_DISK_DISCOVERED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_REMOVED, Level.WARN),
                tuple(EventTypes.STORAGE_DISK_ADDED_TO_POOL, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_REMOVED_FROM_POOL, Level.WARN),
                tuple(EventTypes.STORAGE_DISK_VALIDATED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_QUARANTINED, Level.ERROR),
                tuple(EventTypes.STORAGE_DISK_STATE_CHANGED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_HEALTH_CHANGED, Level.INFO));
        assertThat(published).extracting(Published::source).containsOnly(StorageEvents.DISK_SOURCE);
        assertThat(published).extracting(Published::payload).containsOnly(payload);
    }

    @Test
    void diskStateAndHealthChangesTakeTheirLevelFromThePayload() {
        storage.emitDiskStateChanged(StorageDiskPayload.newBuilder().setState("FAULTED").build(), null);
        storage.emitDiskStateChanged(StorageDiskPayload.newBuilder().setState("degraded").build(), null);
        storage.emitDiskStateChanged(StorageDiskPayload.newBuilder().setState("ONLINE").build(), null);
        storage.emitDiskHealthChanged(StorageDiskPayload.newBuilder().setHealth("CRITICAL").build(), null);
        storage.emitDiskHealthChanged(StorageDiskPayload.newBuilder().setHealth("failed").build(), null);
        storage.emitDiskHealthChanged(StorageDiskPayload.newBuilder().setHealth("WARNING").build(), null);
        storage.emitDiskHealthChanged(StorageDiskPayload.newBuilder().setHealth("HEALTHY").build(), null);

        assertThat(published).extracting(Published::level).containsExactly(
                Level.ERROR, Level.WARN, Level.INFO, Level.CRITICAL, Level.CRITICAL, Level.WARN, Level.INFO);
    }

    @Test
    void fixedDiskProbeMethodsPickTypeLevelAndTheProbeSource() {
        StorageDiskProbePayload payload = StorageDiskProbePayload.newBuilder().setProbeId("p-1").setProbeType("smart_short").build();

        storage.emitDiskProbeScheduled(payload, null);
        storage.emitDiskProbeStarted(payload, null);
        storage.emitDiskProbeProgress(payload, null);
        storage.emitDiskProbeCompleted(payload, null);
        storage.emitDiskProbeFailed(payload, null);
        storage.emitDiskProbeCancelled(payload, null);
        storage.emitDiskProbeConflicted(payload, null);
        storage.emitDiskProbeTimeout(payload, null);
        storage.emitDiskProbeCompleted(payload.toBuilder().setStatus("failed").build(), null);

        assertThat(published).extracting(Published::type, Published::level).containsExactly(
                tuple(EventTypes.STORAGE_DISK_PROBE_SCHEDULED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_PROBE_STARTED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_PROBE_PROGRESS, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_PROBE_COMPLETED, Level.INFO),
                tuple(EventTypes.STORAGE_DISK_PROBE_FAILED, Level.ERROR),
                tuple(EventTypes.STORAGE_DISK_PROBE_CANCELLED, Level.WARN),
                tuple(EventTypes.STORAGE_DISK_PROBE_CONFLICTED, Level.WARN),
                tuple(EventTypes.STORAGE_DISK_PROBE_TIMEOUT, Level.ERROR),
                tuple(EventTypes.STORAGE_DISK_PROBE_COMPLETED, Level.ERROR));
        assertThat(published).extracting(Published::source).containsOnly(StorageEvents.DISK_PROBE_SOURCE);
        assertThat(published.get(0).payload()).isEqualTo(payload);
    }

    @Test
    void diskOverloadsKeepTheGivenSourceAndUntypedEmitPicksTheDiskSources() {
        storage.emitDisk("udev-watcher", EventTypes.STORAGE_DISK_DISCOVERED, Level.INFO, StorageDiskPayload.getDefaultInstance(), null);
        storage.emitDiskProbe("smart-cli", EventTypes.STORAGE_DISK_PROBE_STARTED, Level.INFO, StorageDiskProbePayload.getDefaultInstance(), null);
        storage.emit(null, EventTypes.STORAGE_DISK_REMOVED, Level.WARN, null, null);
        storage.emit(null, EventTypes.STORAGE_DISK_PROBE_FAILED, Level.ERROR, null, null);

        assertThat(published).extracting(Published::source)
                .containsExactly("udev-watcher", "smart-cli", StorageEvents.DISK_SOURCE, StorageEvents.DISK_PROBE_SOURCE);
    }
}
