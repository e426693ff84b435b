package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.proto.Event;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends the exact envelopes to a file as length-delimited {@link Event} messages, readable with
 * {@link Event#parseDelimitedFrom}; flushed per batch. Not thread-safe on its own: the ledger
 * calls it from one thread at a time.
 */
final class CaptureOutput implements EventOutput {
    private final OutputStream stream;

    private CaptureOutput(OutputStream stream) {
        this.stream = stream;
    }

    static CaptureOutput appendingTo(Path file) throws IOException {
        return new CaptureOutput(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
    }

    @Override
    public void write(List<Event> events) throws IOException {
        for (Event event : events) {
            event.writeDelimitedTo(stream);
        }
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
