package io.stratastor.rodent.events.testing;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.core.check.EventChecks;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stands in for the core outside OSGi: checks each event with the core's own checks
 * ({@link EventChecks}, so it refuses exactly what the core refuses) and hands its envelope to the
 * capture instead of a pipeline. Thread-safe.
 */
final class StandalonePublisher implements EventPublisher {
    private final EventChecks checks;
    private final Consumer<Event> capture;

    StandalonePublisher(EventCatalog catalog, Consumer<Event> capture) {
        this.checks = new EventChecks(catalog);
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
        checks.check(category, eventType, level, source, payload, metadata, legacy);
        EventChecks.checkPrintable(eventType, source, metadata);
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
        Event built = event.build();
        EventChecks.checkEncodedSize(eventType, built.getSerializedSize());
        capture.accept(built);
    }
}
