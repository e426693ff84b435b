package io.stratastor.rodent.events.identity.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.IdentityComputerPayload;
import io.stratastor.rodent.events.proto.events.IdentityGroupPayload;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The identity category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {IdentityEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=identity")
public final class IdentityEventsComponent implements IdentityEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method; "" is for the
    // types without one.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.IDENTITY, Map.of(
            "", GENERAL_SOURCE,
            IdentityUserPayload.getDescriptor().getFullName(), USER_SOURCE,
            IdentityGroupPayload.getDescriptor().getFullName(), GROUP_SOURCE,
            IdentityComputerPayload.getDescriptor().getFullName(), COMPUTER_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public IdentityEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.IDENTITY;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.IDENTITY, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitUser(String eventType, Level level, IdentityUserPayload payload, Map<String, String> metadata) {
        emitUser(USER_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitUser(String source, String eventType, Level level, IdentityUserPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.IDENTITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitGroup(String eventType, Level level, IdentityGroupPayload payload, Map<String, String> metadata) {
        emitGroup(GROUP_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitGroup(String source, String eventType, Level level, IdentityGroupPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.IDENTITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitComputer(String eventType, Level level, IdentityComputerPayload payload, Map<String, String> metadata) {
        emitComputer(COMPUTER_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitComputer(String source, String eventType, Level level, IdentityComputerPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.IDENTITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emit(String eventType, Level level, Map<String, String> metadata) {
        emit(GENERAL_SOURCE, eventType, level, metadata);
    }

    @Override
    public void emit(String source, String eventType, Level level, Map<String, String> metadata) {
        publisher.publish(Category.IDENTITY, eventType, level, source, null, metadata);
    }
}
