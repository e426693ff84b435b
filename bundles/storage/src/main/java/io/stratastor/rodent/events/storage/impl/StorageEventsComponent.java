package io.stratastor.rodent.events.storage.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StorageDiskPayload;
import io.stratastor.rodent.events.proto.events.StorageDiskProbePayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import io.stratastor.rodent.events.proto.events.StorageTransferPayload;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The storage category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {StorageEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=storage")
public final class StorageEventsComponent implements StorageEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.STORAGE, Map.of(
            StoragePoolPayload.getDescriptor().getFullName(), POOL_SOURCE,
            StoragePoolResilverPayload.getDescriptor().getFullName(), POOL_SOURCE,
            StorageDatasetPayload.getDescriptor().getFullName(), DATASET_SOURCE,
            StorageSnapshotPayload.getDescriptor().getFullName(), SNAPSHOT_SOURCE,
            StorageTransferPayload.getDescriptor().getFullName(), TRANSFER_SOURCE,
            StorageDiskPayload.getDescriptor().getFullName(), DISK_SOURCE,
            StorageDiskProbePayload.getDescriptor().getFullName(), DISK_PROBE_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public StorageEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.STORAGE;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitPool(String eventType, Level level, StoragePoolPayload payload, Map<String, String> metadata) {
        emitPool(POOL_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitPool(String source, String eventType, Level level, StoragePoolPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitDataset(String eventType, Level level, StorageDatasetPayload payload, Map<String, String> metadata) {
        emitDataset(DATASET_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitDataset(String source, String eventType, Level level, StorageDatasetPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitSnapshot(String eventType, Level level, StorageSnapshotPayload payload, Map<String, String> metadata) {
        emitSnapshot(SNAPSHOT_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitSnapshot(String source, String eventType, Level level, StorageSnapshotPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitTransfer(String eventType, Level level, StorageTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(TRANSFER_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitTransfer(String source, String eventType, Level level, StorageTransferPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitPoolResilver(String eventType, Level level, StoragePoolResilverPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, POOL_SOURCE, payload, metadata);
    }

    @Override
    public void emitPoolResilver(StoragePoolResilverPayload payload, Map<String, String> metadata) {
        Level level = payload != null && !payload.getSuccess() ? Level.ERROR : Level.INFO;
        publisher.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, level, POOL_SOURCE, payload, metadata);
    }

    @Override
    public void emitPoolExpanded(StoragePoolPayload payload, Map<String, String> metadata) {
        emitPool(EventTypes.STORAGE_POOL_EXPANDED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDisk(String eventType, Level level, StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(DISK_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitDisk(String source, String eventType, Level level, StorageDiskPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitDiskDiscovered(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_DISCOVERED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskRemoved(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_REMOVED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitDiskStateChanged(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_STATE_CHANGED, stateLevel(payload), payload, metadata);
    }

    @Override
    public void emitDiskHealthChanged(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_HEALTH_CHANGED, healthLevel(payload), payload, metadata);
    }

    @Override
    public void emitDiskAddedToPool(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_ADDED_TO_POOL, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskRemovedFromPool(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_REMOVED_FROM_POOL, Level.WARN, payload, metadata);
    }

    @Override
    public void emitDiskValidated(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_VALIDATED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskQuarantined(StorageDiskPayload payload, Map<String, String> metadata) {
        emitDisk(EventTypes.STORAGE_DISK_QUARANTINED, Level.ERROR, payload, metadata);
    }

    // A faulted disk has failed; a degraded one still works (the states are upstream Rodent's, upper case).
    static Level stateLevel(StorageDiskPayload payload) {
        String state = payload == null ? "" : payload.getState().toUpperCase(Locale.ROOT);
        return switch (state) {
            case "FAULTED" -> Level.ERROR;
            case "DEGRADED" -> Level.WARN;
            default -> Level.INFO;
        };
    }

    // A critical or failed disk puts the pool's data at risk.
    static Level healthLevel(StorageDiskPayload payload) {
        String health = payload == null ? "" : payload.getHealth().toUpperCase(Locale.ROOT);
        return switch (health) {
            case "CRITICAL", "FAILED" -> Level.CRITICAL;
            case "WARNING" -> Level.WARN;
            default -> Level.INFO;
        };
    }

    @Override
    public void emitDiskProbe(String eventType, Level level, StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(DISK_PROBE_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitDiskProbe(String source, String eventType, Level level, StorageDiskProbePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.STORAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitDiskProbeScheduled(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_SCHEDULED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskProbeStarted(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_STARTED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskProbeProgress(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_PROGRESS, Level.INFO, payload, metadata);
    }

    @Override
    public void emitDiskProbeCompleted(StorageDiskProbePayload payload, Map<String, String> metadata) {
        Level level = payload != null && "failed".equalsIgnoreCase(payload.getStatus()) ? Level.ERROR : Level.INFO;
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_COMPLETED, level, payload, metadata);
    }

    @Override
    public void emitDiskProbeFailed(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_FAILED, Level.ERROR, payload, metadata);
    }

    @Override
    public void emitDiskProbeCancelled(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_CANCELLED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitDiskProbeConflicted(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_CONFLICTED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitDiskProbeTimeout(StorageDiskProbePayload payload, Map<String, String> metadata) {
        emitDiskProbe(EventTypes.STORAGE_DISK_PROBE_TIMEOUT, Level.ERROR, payload, metadata);
    }
}
