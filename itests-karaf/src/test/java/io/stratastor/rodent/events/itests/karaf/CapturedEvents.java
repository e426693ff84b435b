package io.stratastor.rodent.events.itests.karaf;

import io.stratastor.rodent.events.wire.v2025_09.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference Toggle's capture file: the envelopes as received, length-delimited 2025-09 {@link Event}s (the
 * sink's default generation), in arrival order. Probe side; stateless.
 */
final class CapturedEvents {
    private CapturedEvents() {
    }

    /** The events in {@code file}; none when it does not exist yet. */
    static List<Event> read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (Event event = Event.parseDelimitedFrom(in); event != null; event = Event.parseDelimitedFrom(in)) {
                events.add(event);
            }
        }
        return events;
    }
}
