package io.stratastor.rodent.events.access.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.AccessACLPayload;
import io.stratastor.rodent.events.proto.events.AccessPermissionPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The access category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {AccessEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=access")
public final class AccessEventsComponent implements AccessEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.ACCESS, Map.of(
            AccessACLPayload.getDescriptor().getFullName(), ACL_SOURCE,
            AccessPermissionPayload.getDescriptor().getFullName(), PERMISSION_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public AccessEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.ACCESS;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.ACCESS, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitAcl(String eventType, Level level, AccessACLPayload payload, Map<String, String> metadata) {
        emitAcl(ACL_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitAcl(String source, String eventType, Level level, AccessACLPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.ACCESS, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitPermission(String eventType, Level level, AccessPermissionPayload payload, Map<String, String> metadata) {
        emitPermission(PERMISSION_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitPermission(String source, String eventType, Level level, AccessPermissionPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.ACCESS, eventType, level, source, payload, metadata);
    }
}
