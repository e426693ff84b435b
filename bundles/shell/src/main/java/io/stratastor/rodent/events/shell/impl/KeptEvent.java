package io.stratastor.rodent.events.shell.impl;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.proto.Event;

/**
 * An event the tail keeps: its envelope's bytes as the pipeline stored them, parsed when the tail
 * first shows it, on the shell's thread rather than the emitter's. Thread-safe: parsing twice at
 * once gives equal events.
 */
final class KeptEvent {
    private final byte[] encoded;
    private volatile Event parsed;

    private KeptEvent(byte[] encoded, Event parsed) {
        this.encoded = encoded;
        this.parsed = parsed;
    }

    static KeptEvent ofBytes(byte[] encoded) {
        return new KeptEvent(encoded, null);
    }

    static KeptEvent of(Event event) {
        return new KeptEvent(null, event);
    }

    Event event() {
        Event event = parsed;
        if (event == null) {
            try {
                event = Event.parseFrom(encoded);
            } catch (InvalidProtocolBufferException e) {
                // The pipeline encoded it; this is a bug, and the tail shows an empty event rather than fail.
                event = Event.getDefaultInstance();
            }
            parsed = event;
        }
        return event;
    }
}
