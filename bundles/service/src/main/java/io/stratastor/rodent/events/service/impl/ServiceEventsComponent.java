package io.stratastor.rodent.events.service.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
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
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.SERVICE, Map.of(
            ServiceStatusPayload.getDescriptor().getFullName(), STATUS_SOURCE));

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
        publisher.publish(Category.SERVICE, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
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
