package io.stratastor.rodent.events.usage.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.api.spi.DefaultSources;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import io.stratastor.rodent.events.proto.events.UsageResourcePayload;
import io.stratastor.rodent.events.proto.events.UsageThresholdPayload;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The usage category's emitter: fills in the source and hands each event to the core, which
 * validates type, category and payload. Owns no thread, queue or I/O. Stateless and thread-safe.
 */
@Component(service = {UsageEvents.class, CategoryEmitter.class},
        property = CategoryEmitter.CATEGORY_PROPERTY + "=usage")
public final class UsageEventsComponent implements UsageEvents, CategoryEmitter {
    // The one rule of docs/IMPLEMENTATION.md (Default sources): an event without a source takes
    // its type's payload message's, the source of that message's payload method.
    private static final DefaultSources DEFAULT_SOURCES = DefaultSources.of(Category.USAGE, Map.of(
            UsageQuotaPayload.getDescriptor().getFullName(), SOURCE,
            UsageResourcePayload.getDescriptor().getFullName(), SOURCE,
            UsageThresholdPayload.getDescriptor().getFullName(), SOURCE));

    private final EventPublisher publisher;

    @Activate
    public UsageEventsComponent(@Reference EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Category category() {
        return Category.USAGE;
    }

    @Override
    public void emit(String source, String eventType, Level level, Message payload, Map<String, String> metadata) {
        publisher.publish(Category.USAGE, eventType, level, source == null ? DEFAULT_SOURCES.of(eventType) : source, payload, metadata);
    }

    @Override
    public void emitQuota(String eventType, Level level, UsageQuotaPayload payload, Map<String, String> metadata) {
        emitQuota(SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitQuota(String source, String eventType, Level level, UsageQuotaPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.USAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitQuotaWarning(UsageQuotaPayload payload, Map<String, String> metadata) {
        emitQuota(EventTypes.USAGE_QUOTA_WARNING, Level.WARN, payload, metadata);
    }

    @Override
    public void emitQuotaExceeded(UsageQuotaPayload payload, Map<String, String> metadata) {
        emitQuota(EventTypes.USAGE_QUOTA_EXCEEDED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitQuotaReset(UsageQuotaPayload payload, Map<String, String> metadata) {
        emitQuota(EventTypes.USAGE_QUOTA_RESET, Level.INFO, payload, metadata);
    }

    @Override
    public void emitQuotaUpdated(UsageQuotaPayload payload, Map<String, String> metadata) {
        emitQuota(EventTypes.USAGE_QUOTA_UPDATED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitResource(String eventType, Level level, UsageResourcePayload payload, Map<String, String> metadata) {
        emitResource(SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitResource(String source, String eventType, Level level, UsageResourcePayload payload, Map<String, String> metadata) {
        publisher.publish(Category.USAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitResourceMeasured(UsageResourcePayload payload, Map<String, String> metadata) {
        emitResource(EventTypes.USAGE_RESOURCE_MEASURED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitResourceIncreased(UsageResourcePayload payload, Map<String, String> metadata) {
        emitResource(EventTypes.USAGE_RESOURCE_INCREASED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitResourceDecreased(UsageResourcePayload payload, Map<String, String> metadata) {
        emitResource(EventTypes.USAGE_RESOURCE_DECREASED, Level.INFO, payload, metadata);
    }

    @Override
    public void emitThreshold(String eventType, Level level, UsageThresholdPayload payload, Map<String, String> metadata) {
        emitThreshold(SOURCE, eventType, level, payload, metadata);
    }

    @Override
    public void emitThreshold(String source, String eventType, Level level, UsageThresholdPayload payload, Map<String, String> metadata) {
        publisher.publish(Category.USAGE, eventType, level, source, payload, metadata);
    }

    @Override
    public void emitThresholdApproached(UsageThresholdPayload payload, Map<String, String> metadata) {
        emitThreshold(EventTypes.USAGE_THRESHOLD_APPROACHED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitThresholdExceeded(UsageThresholdPayload payload, Map<String, String> metadata) {
        emitThreshold(EventTypes.USAGE_THRESHOLD_EXCEEDED, Level.WARN, payload, metadata);
    }

    @Override
    public void emitThresholdCleared(UsageThresholdPayload payload, Map<String, String> metadata) {
        emitThreshold(EventTypes.USAGE_THRESHOLD_CLEARED, Level.INFO, payload, metadata);
    }
}
