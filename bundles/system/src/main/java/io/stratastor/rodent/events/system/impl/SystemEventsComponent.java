package io.stratastor.rodent.events.system.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
import io.stratastor.rodent.events.proto.events.SystemRegistrationPayload;
import io.stratastor.rodent.events.proto.events.SystemShutdownPayload;
import io.stratastor.rodent.events.proto.events.SystemStartupPayload;
import io.stratastor.rodent.events.proto.events.SystemUserPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The system category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {SystemEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=system")
public final class SystemEventsComponent implements SystemEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method; "" is for the
    // types without one.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.SYSTEM, Map.of(
            "", GENERAL_SOURCE,
            SystemStartupPayload.getDescriptor().getFullName(), STARTUP_SOURCE,
            SystemRegistrationPayload.getDescriptor().getFullName(), STARTUP_SOURCE,
            SystemConfigChangePayload.getDescriptor().getFullName(), CONFIG_SOURCE,
            SystemUserPayload.getDescriptor().getFullName(), USER_SOURCE,
            SystemShutdownPayload.getDescriptor().getFullName(), GENERAL_SOURCE));

    private final EventPublisher publisher;

    @Activate
    public SystemEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.SYSTEM;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitStartup(String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata) {
        emitStartup(STARTUP_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitStartup(String source, String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitConfigChange(String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata) {
        emitConfigChange(CONFIG_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitConfigChange(String source, String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitUser(String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata) {
        emitUser(USER_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitUser(String source, String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitStartup(SystemStartupPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, EventTypes.SYSTEM_STARTUP, Level.INFO, STARTUP_SOURCE, payload, metadata);
    }

    @Override
    public void emitRegistration(String eventType, Level level, SystemRegistrationPayload payload, Map<String, String> metadata) {
        emitRegistration(STARTUP_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitRegistration(String source, String eventType, Level level, SystemRegistrationPayload payload,
            Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitRegistered(SystemRegistrationPayload payload, Map<String, String> metadata) {
        emitRegistration(EventTypes.SYSTEM_REGISTERED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitShutdown(String eventType, Level level, SystemShutdownPayload payload, Map<String, String> metadata) {
        emitShutdown(GENERAL_SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitShutdown(String source, String eventType, Level level, SystemShutdownPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitShutdownInitiated(SystemShutdownPayload payload, Map<String, String> metadata) {
        emitShutdown(EventTypes.SYSTEM_SHUTDOWN_INITIATED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitRestartInitiated(SystemShutdownPayload payload, Map<String, String> metadata) {
        emitShutdown(EventTypes.SYSTEM_RESTART_INITIATED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitEmergencyShutdown(SystemShutdownPayload payload, Map<String, String> metadata) {
        emitShutdown(EventTypes.SYSTEM_SHUTDOWN_EMERGENCY, Level.CRITICAL, payload, metadata);
    }

    @Override
    public void emitLocalUserLocked(SystemUserPayload payload, Map<String, String> metadata) {
        emitUser(EventTypes.SYSTEM_LOCAL_USER_LOCKED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitLocalUserUnlocked(SystemUserPayload payload, Map<String, String> metadata) {
        emitUser(EventTypes.SYSTEM_LOCAL_USER_UNLOCKED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitConfigValidated(SystemConfigChangePayload payload, Map<String, String> metadata) {
        emitConfigChange(EventTypes.SYSTEM_CONFIG_VALIDATED, Level.INFO, payload, metadata);
    }

    @Override
    public void emit(String eventType, Level level, Map<String, String> metadata) {
        emit(GENERAL_SOURCE, eventType, level, metadata);
    }

    @Override
    public void emit(String source, String eventType, Level level, Map<String, String> metadata) {
        publisher.publish(Category.SYSTEM, eventType, level, source, null, metadata);
    }
}
