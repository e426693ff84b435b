package io.stratastor.rodent.events.eventadmin.impl;

import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;

/** An envelope as the core hands it to an {@link io.stratastor.rodent.events.api.EncodedEventTap}: its stored bytes. */
final class Accepted implements AcceptedEvent {
    private final Event event;
    private final byte[] encoded;

    Accepted(Event event) {
        this.event = event;
        this.encoded = event.toByteArray();
    }

    @Override
    public ByteBuffer encoded() {
        return ByteBuffer.wrap(encoded).asReadOnlyBuffer();
    }

    @Override
    public int encodedLength() {
        return encoded.length;
    }

    @Override
    public void copyEncoded(byte[] target, int offset) {
        System.arraycopy(encoded, 0, target, offset, encoded.length);
    }

    @Override
    public Event event() {
        return event;
    }

    @Override
    public Category category() {
        return Category.of(event.getCategory());
    }

    @Override
    public Level level() {
        return Level.of(event.getLevel());
    }

    @Override
    public String eventType() {
        return event.getEventType();
    }
}
