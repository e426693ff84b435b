package io.stratastor.rodent.events.datatransfer.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.DataTransferTransferPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The data_transfer category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {DataTransferEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=data_transfer")
public final class DataTransferEventsComponent implements DataTransferEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.DATA_TRANSFER, Map.of(
            DataTransferTransferPayload.getDescriptor().getFullName(), SOURCE));

    private final EventPublisher publisher;

    @Activate
    public DataTransferEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.DATA_TRANSFER;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.DATA_TRANSFER, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitTransfer(String eventType, Level level, DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitTransfer(String source, String eventType, Level level, DataTransferTransferPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.DATA_TRANSFER, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitTransferStarted(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_STARTED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitTransferProgress(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_PROGRESS, Level.INFO, payload, metadata);
    }

    @Override
    public void emitTransferCompleted(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_COMPLETED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitTransferFailed(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_FAILED, Level.ERROR, payload, metadata);
    }

    @Override
    public void emitTransferCancelled(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_CANCELLED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitTransferPaused(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_PAUSED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitTransferResumed(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_RESUMED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitTransferDeleted(DataTransferTransferPayload payload, Map<String, String> metadata) {
        emitTransfer(EventTypes.DATA_TRANSFER_TRANSFER_DELETED, Level.WARN, payload, metadata);
    }
}
