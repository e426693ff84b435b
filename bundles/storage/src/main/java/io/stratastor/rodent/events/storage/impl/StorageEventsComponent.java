package io.stratastor.rodent.events.storage.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import io.stratastor.rodent.events.proto.events.StorageTransferPayload;
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
        publisher.publish(Category.STORAGE, eventType, level, source == null ? defaultSource(eventType) : source, payload, metadata);
    }

    // The component a storage type comes from when the caller names none.
    static String defaultSource(String eventType) {
        if (eventType == null || eventType.startsWith("storage.pool.")) {
            return POOL_SOURCE;
        }
        if (eventType.startsWith("storage.snapshot.")) {
            return SNAPSHOT_SOURCE;
        }
        if (eventType.startsWith("storage.transfer.")) {
            return TRANSFER_SOURCE;
        }
        return DATASET_SOURCE;
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
}
