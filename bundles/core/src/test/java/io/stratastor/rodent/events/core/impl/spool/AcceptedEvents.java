package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.proto.Event;
import java.util.ArrayList;
import java.util.List;

/** Appends numbered events of one payload size and keeps those the spool accepted, in order. */
final class AcceptedEvents {
    private final int payloadBytes;
    private final List<Event> accepted = new ArrayList<>();
    private int index;

    AcceptedEvents(int payloadBytes) {
        this.payloadBytes = payloadBytes;
    }

    /** The spool's answer: events held afterwards, or -1 when refused. */
    int append(FileSpool spool) {
        Event event = SpoolFixtures.event(index++, payloadBytes);
        int held = spool.append(event);
        if (held > 0) {
            accepted.add(event);
        }
        return held;
    }

    List<Event> list() {
        return accepted;
    }
}
