package io.stratastor.rodent.events.testing;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stands in for the core outside OSGi: checks each event as the core does (schema, level, source)
 * and hands its envelope to the capture instead of a pipeline. Thread-safe.
 */
final class StandalonePublisher implements EventPublisher {
    private final EventCatalog catalog;
    private final Consumer<Event> capture;

    StandalonePublisher(EventCatalog catalog, Consumer<Event> capture) {
        this.catalog = catalog;
        this.capture = capture;
    }

    @Override
    public void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        publish(category, eventType, level, source, payload, metadata, false);
    }

    @Override
    public void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        publish(category, eventType, level, source, payload, metadata, true);
    }

    private void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean legacy) {
        catalog.check(category.wireValue(), eventType, payload, legacy);
        if (level == null) {
            throw new IllegalArgumentException("level of " + eventType + " must not be null; expected one of " + Arrays.toString(Level.values()));
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source of " + eventType + " must not be empty; expected the emitting component's name");
        }
        Event.Builder event = Event.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(eventType)
                .setLevel(level.wireValue())
                .setCategory(category.wireValue())
                .setSource(source)
                .setTimestamp(System.currentTimeMillis());
        if (payload != null) {
            event.setPayload(payload.toByteString()).setPayloadType(payload.getDescriptorForType().getFullName());
        }
        if (metadata != null) {
            event.putAllMetadata(metadata);
        }
        capture.accept(event.build());
    }
}
