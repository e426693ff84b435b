package io.stratastor.rodent.events.network.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.NetworkConnectionPayload;
import io.stratastor.rodent.events.proto.events.NetworkInterfacePayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The network category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {NetworkEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=network")
public final class NetworkEventsComponent implements NetworkEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method; "" is for the
    // types without one.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.NETWORK, Map.of(
            "", GENERAL_SOURCE,
            NetworkInterfacePayload.getDescriptor().getFullName(), INTERFACE_SOURCE,
            NetworkConnectionPayload.getDescriptor().getFullName(), CONNECTION_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public NetworkEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.NETWORK;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.NETWORK, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitInterface(String eventType, Level level, NetworkInterfacePayload payload, Map<String, String> metadata) {
        emitInterface(INTERFACE_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitInterface(String source, String eventType, Level level, NetworkInterfacePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.NETWORK, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitConnection(String eventType, Level level, NetworkConnectionPayload payload, Map<String, String> metadata) {
        emitConnection(CONNECTION_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitConnection(String source, String eventType, Level level, NetworkConnectionPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.NETWORK, eventType, level, source, payload, metadata);
    }

    @Override
    public void emit(String eventType, Level level, Map<String, String> metadata) {
        emit(GENERAL_SOURCE, eventType, level, metadata);
    }

    @Override
    public void emit(String source, String eventType, Level level, Map<String, String> metadata) {
        publisher.publish(Category.NETWORK, eventType, level, source, null, metadata);
    }
}
