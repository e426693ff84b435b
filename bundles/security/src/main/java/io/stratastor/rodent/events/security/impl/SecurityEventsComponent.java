package io.stratastor.rodent.events.security.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
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
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method; "" is for the
    // types without one.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.SECURITY, Map.of(
            "", GENERAL_SOURCE,
            SecurityAuthPayload.getDescriptor().getFullName(), AUTH_SOURCE,
            SecurityKeyPayload.getDescriptor().getFullName(), KEY_SOURCE,
            SecurityCertificatePayload.getDescriptor().getFullName(), CERTIFICATE_SOURCE));

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
        publisher.publish(Category.SECURITY, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
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
