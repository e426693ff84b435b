package io.stratastor.rodent.events.core.impl.pipeline;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Wraps a validated event in its envelope: UUIDv7 id, millisecond timestamp, encoded payload. Thread-safe. */
public final class EnvelopeFactory {
    private final Clock clock;

    public EnvelopeFactory(Clock clock) {
        this.clock = clock;
    }

    public Event envelope(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        long now = clock.millis();
        Event.Builder event = Event.newBuilder()
                .setEventId(UuidV7.of(now, ThreadLocalRandom.current()).toString())
                .setEventType(eventType)
                .setLevel(level.wireValue())
                .setCategory(category.wireValue())
                .setSource(source)
                .setTimestamp(now);
        if (payload != null) {
            event.setPayload(payload.toByteString()).setPayloadType(payload.getDescriptorForType().getFullName());
        }
        if (metadata != null) {
            event.putAllMetadata(metadata);
        }
        return event.build();
    }
}
