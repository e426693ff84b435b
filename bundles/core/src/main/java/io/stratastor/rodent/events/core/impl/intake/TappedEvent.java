package io.stratastor.rodent.events.core.impl.intake;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;

/**
 * The accepted event the taps are told of: the encoder's buffer as it is, parsed only when a tap
 * asks (an {@code EventTap} always does; the shell's tail never does on the emitting thread).
 * One per emitting thread, set again for each event: valid for one round of taps on that thread,
 * as {@link AcceptedEvent} says; not thread-safe.
 */
final class TappedEvent implements AcceptedEvent {
    private byte[] bytes;
    private int length;
    private Category category;
    private Level level;
    private String eventType;
    private Event parsed;

    /** This view, now of another event. */
    TappedEvent of(byte[] bytes, int length, Category category, Level level, String eventType) {
        this.bytes = bytes;
        this.length = length;
        this.category = category;
        this.level = level;
        this.eventType = eventType;
        this.parsed = null;
        return this;
    }

    @Override
    public ByteBuffer encoded() {
        return ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer();
    }

    @Override
    public int encodedLength() {
        return length;
    }

    @Override
    public void copyEncoded(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, length);
    }

    @Override
    public Event event() {
        if (parsed == null) {
            try {
                parsed = Event.parser().parseFrom(bytes, 0, length);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("an envelope the intake encoded does not parse: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    boolean isParsed() {
        return parsed != null;
    }

    @Override
    public Category category() {
        return category;
    }

    @Override
    public Level level() {
        return level;
    }

    @Override
    public String eventType() {
        return eventType;
    }
}
