package io.stratastor.rodent.events.access.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.access.AccessEvents;
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
        publisher.publish(Category.ACCESS, eventType, level, source == null ? defaultSource(payload) : source, payload, metadata);
    }

    // The component an event comes from when the caller names none: the one its payload's methods use.
    static String defaultSource(Message payload) {
        if (payload instanceof AccessACLPayload) {
            return ACL_SOURCE;
        }
        if (payload instanceof AccessPermissionPayload) {
            return PERMISSION_SOURCE;
        }
        return ACL_SOURCE;
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
