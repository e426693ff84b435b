package io.stratastor.rodent.events.toggle;

import com.google.protobuf.CodedOutputStream;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends the exact envelopes, as received, to a file as length-delimited {@code Event} messages of
 * the sink's wire generation ({@code rodent.Event} for 2025-09, {@code rodent.events.Event} for
 * 2025-12), readable with that generation's {@code parseDelimitedFrom}; flushed per batch. Not thread-safe on its own: the ledger
 * calls it from one thread at a time.
 */
final class CaptureOutput implements EventOutput {
    private final OutputStream stream;
    private final CodedOutputStream coded;

    private CaptureOutput(OutputStream stream) {
        this.stream = stream;
        this.coded = CodedOutputStream.newInstance(stream);
    }

    static CaptureOutput appendingTo(Path file) throws IOException {
        return new CaptureOutput(new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
    }

    @Override
    public void write(List<DecodedEvent> events) throws IOException {
        for (DecodedEvent event : events) {
            coded.writeUInt32NoTag(event.wire().size());
            coded.writeRawBytes(event.wire());
        }
        coded.flush();
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
