package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one text line per event to a stream, flushed per batch. A strict output fails the batch
 * when the stream fails; a best-effort one (the console) logs the failure once and goes on. A
 * {@link PrintStream}'s error is sticky: a failed strict output keeps failing (clients keep
 * retrying, nothing is lost) until the sink is restarted.
 * Not thread-safe on its own: the ledger calls it from one thread at a time.
 */
final class LineOutput implements EventOutput {
    private static final Logger LOG = LoggerFactory.getLogger(LineOutput.class);

    private final String name;
    private final PrintStream stream;
    private final boolean ownsStream;
    private final boolean bestEffort;
    private final Function<DecodedEvent, String> format;
    private boolean failureLogged;

    private LineOutput(String name, PrintStream stream, boolean ownsStream, boolean bestEffort, Function<DecodedEvent, String> format) {
        this.name = name;
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.bestEffort = bestEffort;
        this.format = format;
    }

    /** Appends to {@code file}, creating it; the output owns and closes the file. */
    static LineOutput appendingTo(Path file, Function<DecodedEvent, String> format) throws IOException {
        PrintStream stream = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)), false, StandardCharsets.UTF_8);
        return new LineOutput(file.toString(), stream, true, false, format);
    }

    /** Writes to a stream the caller owns: flushed, never closed. */
    static LineOutput writingTo(String name, PrintStream stream, boolean bestEffort, Function<DecodedEvent, String> format) {
        return new LineOutput(name, stream, false, bestEffort, format);
    }

    @Override
    public void write(List<DecodedEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (DecodedEvent event : events) {
            text.append(format.apply(event)).append('\n');
        }
        stream.print(text);
        stream.flush();
        if (stream.checkError()) {
            if (!bestEffort) {
                throw new IOException("cannot write to " + name);
            }
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn("cannot write to {}; events are still accepted and stored", name);
            }
        }
    }

    @Override
    public void close() {
        if (ownsStream) {
            stream.close();
        } else {
            stream.flush();
        }
    }
}
