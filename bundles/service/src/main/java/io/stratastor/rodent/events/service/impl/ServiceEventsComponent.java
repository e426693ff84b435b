package io.stratastor.rodent.events.service.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.ServiceStatusPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The service category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {ServiceEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=service")
public final class ServiceEventsComponent implements ServiceEvents, CategoryEmitter {
    private final EventPublisher publisher;

    @Activate
    public ServiceEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.SERVICE;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.SERVICE, eventType, level, source == null ? defaultSource(payload) : source, payload, metadata);
    }

    // The component an event comes from when the caller names none: the one its payload's methods use.
    static String defaultSource(Message payload) {
        if (payload instanceof ServiceStatusPayload) {
            return STATUS_SOURCE;
        }
        return STATUS_SOURCE;
    }

    @Override
    public void emitStatus(String eventType, Level level, ServiceStatusPayload payload, Map<String, String> metadata) {
        emitStatus(STATUS_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitStatus(String source, String eventType, Level level, ServiceStatusPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SERVICE, eventType, level, source, payload, metadata);
    }
}
