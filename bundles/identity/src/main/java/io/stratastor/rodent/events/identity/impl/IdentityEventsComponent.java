package io.stratastor.rodent.events.identity.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
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
        publisher.publish(Category.IDENTITY, eventType, level, source == null ? defaultSource(payload) : source, payload, metadata);
    }

    // The component an event comes from when the caller names none: the one its payload's methods use.
    static String defaultSource(Message payload) {
        if (payload instanceof IdentityUserPayload) {
            return USER_SOURCE;
        }
        if (payload instanceof IdentityGroupPayload) {
            return GROUP_SOURCE;
        }
        if (payload instanceof IdentityComputerPayload) {
            return COMPUTER_SOURCE;
        }
        return GENERAL_SOURCE;
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
