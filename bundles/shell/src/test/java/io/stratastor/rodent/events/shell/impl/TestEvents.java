package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.Map;

/** Event envelopes as the core hands them to taps. */
final class TestEvents {
    /** 2026-11-27T10:15:30.123Z */
    static final long TIME = 1795774530123L;

    private TestEvents() {
    }

    static Event event(String type, Level level) {
        return event(type, level, null, Map.of());
    }

    static Event event(String type, Level level, Message payload, Map<String, String> metadata) {
        Category category = Category.parse(type.substring(0, type.indexOf('.')));
        Event.Builder event = Event.newBuilder().setEventId("id-" + type).setEventType(type).setLevel(level.wireValue())
                .setCategory(category.wireValue()).setSource("test-source").setTimestamp(TIME).putAllMetadata(metadata);
        if (payload != null) {
            event.setPayload(payload.toByteString()).setPayloadType(payload.getDescriptorForType().getFullName());
        }
        return event.build();
    }

    static final EventCatalog CATALOG = EventCatalog.fromSchema();
}
