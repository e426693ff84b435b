package io.stratastor.rodent.events.legacy.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The backward-compatible emitter: converts plain payloads to {@code Struct}, passes protobuf
 * messages through for the typed check, and hands everything to the core's legacy path, which
 * counts it. Stateless and thread-safe.
 */
@Component(service = LegacyEventEmitter.class)
public final class LegacyEventEmitterComponent implements LegacyEventEmitter {
    private final EventPublisher publisher;

    @Activate
    public LegacyEventEmitterComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void emit(String eventType, Level level, Category category, String source, Object payload, Map<String, String> metadata) {
        if (category == null) {
            throw new IllegalArgumentException("category of " + eventType + " must not be null; expected one of " + java.util.Arrays.toString(Category.values()));
        }
        Message message = payload instanceof Message typed ? typed : StructPayloads.toStruct(payload);
        publisher.publishLegacy(category, eventType, level, source == null ? DEFAULT_SOURCE : source, message, metadata);
    }

    @Override
    public void emitSystemEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SYSTEM, null, payload, metadata);
    }

    @Override
    public void emitSystemEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SYSTEM, source, payload, metadata);
    }

    @Override
    public void emitStorageEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.STORAGE, null, payload, metadata);
    }

    @Override
    public void emitStorageEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.STORAGE, source, payload, metadata);
    }

    @Override
    public void emitNetworkEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.NETWORK, null, payload, metadata);
    }

    @Override
    public void emitNetworkEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.NETWORK, source, payload, metadata);
    }

    @Override
    public void emitSecurityEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SECURITY, null, payload, metadata);
    }

    @Override
    public void emitSecurityEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SECURITY, source, payload, metadata);
    }

    @Override
    public void emitServiceEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SERVICE, null, payload, metadata);
    }

    @Override
    public void emitServiceEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SERVICE, source, payload, metadata);
    }

    @Override
    public void emitIdentityEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.IDENTITY, null, payload, metadata);
    }

    @Override
    public void emitIdentityEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.IDENTITY, source, payload, metadata);
    }

    @Override
    public void emitAccessEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.ACCESS, null, payload, metadata);
    }

    @Override
    public void emitAccessEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.ACCESS, source, payload, metadata);
    }

    @Override
    public void emitSharingEvent(String eventType, Level level, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SHARING, null, payload, metadata);
    }

    @Override
    public void emitSharingEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata) {
        emit(eventType, level, Category.SHARING, source, payload, metadata);
    }
}
