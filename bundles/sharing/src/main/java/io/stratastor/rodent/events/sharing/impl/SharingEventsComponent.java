package io.stratastor.rodent.events.sharing.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.SharingConnectionPayload;
import io.stratastor.rodent.events.proto.events.SharingFileAccessPayload;
import io.stratastor.rodent.events.proto.events.SharingSharePayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sharing category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {SharingEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=sharing")
public final class SharingEventsComponent implements SharingEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method; "" is for the
    // types without one.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.SHARING, Map.of(
            "", GENERAL_SOURCE,
            SharingSharePayload.getDescriptor().getFullName(), SHARE_SOURCE,
            SharingConnectionPayload.getDescriptor().getFullName(), CONNECTION_SOURCE,
            SharingFileAccessPayload.getDescriptor().getFullName(), FILE_ACCESS_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public SharingEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.SHARING;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.SHARING, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitShare(String eventType, Level level, SharingSharePayload payload, Map<String, String> metadata) {
        emitShare(SHARE_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitShare(String source, String eventType, Level level, SharingSharePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SHARING, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitConnection(String eventType, Level level, SharingConnectionPayload payload, Map<String, String> metadata) {
        emitConnection(CONNECTION_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitConnection(String source, String eventType, Level level, SharingConnectionPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SHARING, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitFileAccess(String eventType, Level level, SharingFileAccessPayload payload, Map<String, String> metadata) {
        emitFileAccess(FILE_ACCESS_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitFileAccess(String source, String eventType, Level level, SharingFileAccessPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SHARING, eventType, level, source, payload, metadata);
    }

    @Override
    public void emit(String eventType, Level level, Map<String, String> metadata) {
        emit(GENERAL_SOURCE, eventType, level, metadata);
    }

    @Override
    public void emit(String source, String eventType, Level level, Map<String, String> metadata) {
        publisher.publish(Category.SHARING, eventType, level, source, null, metadata);
    }
}
