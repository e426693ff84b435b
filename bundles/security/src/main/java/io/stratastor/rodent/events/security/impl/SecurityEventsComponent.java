package io.stratastor.rodent.events.security.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.SecurityAuthPayload;
import io.stratastor.rodent.events.proto.events.SecurityCertificatePayload;
import io.stratastor.rodent.events.proto.events.SecurityKeyPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The security category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {SecurityEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=security")
public final class SecurityEventsComponent implements SecurityEvents, CategoryEmitter {
    private final EventPublisher publisher;

    @Activate
    public SecurityEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.SECURITY;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.SECURITY, eventType, level, source == null ? defaultSource(payload) : source, payload, metadata);
    }

    // The component an event comes from when the caller names none: the one its payload's methods use.
    static String defaultSource(Message payload) {
        if (payload instanceof SecurityAuthPayload) {
            return AUTH_SOURCE;
        }
        if (payload instanceof SecurityKeyPayload) {
            return KEY_SOURCE;
        }
        if (payload instanceof SecurityCertificatePayload) {
            return CERTIFICATE_SOURCE;
        }
        return GENERAL_SOURCE;
    }

    @Override
    public void emitAuth(String eventType, Level level, SecurityAuthPayload payload, Map<String, String> metadata) {
        emitAuth(AUTH_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitAuth(String source, String eventType, Level level, SecurityAuthPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SECURITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitKey(String eventType, Level level, SecurityKeyPayload payload, Map<String, String> metadata) {
        emitKey(KEY_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitKey(String source, String eventType, Level level, SecurityKeyPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SECURITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitCertificate(String eventType, Level level, SecurityCertificatePayload payload, Map<String, String> metadata) {
        emitCertificate(CERTIFICATE_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitCertificate(String source, String eventType, Level level, SecurityCertificatePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SECURITY, eventType, level, source, payload, metadata);
    }

    @Override
    public void emit(String eventType, Level level, Map<String, String> metadata) {
        emit(GENERAL_SOURCE, eventType, level, metadata);
    }

    @Override
    public void emit(String source, String eventType, Level level, Map<String, String> metadata) {
        publisher.publish(Category.SECURITY, eventType, level, source, null, metadata);
    }
}
