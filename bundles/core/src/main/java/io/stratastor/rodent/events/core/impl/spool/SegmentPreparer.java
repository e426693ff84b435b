package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allocates the next segment ahead, on a thread of its own, so that a roll renames a ready file
 * instead of writing megabytes of zeros on the emitting thread (the spool's only long pause). The
 * file waits as {@value #NAME}, which replay ignores and removes; it costs one segment of disk
 * beyond the backlog. When nothing is ready (the first roll, a full disk, a slow disk) the writer
 * allocates as before, so every disk error is still seen and reported at the roll. Thread-safe:
 * the writer calls {@link #take} under its lock; allocation runs on the preparer's thread.
 */
final class SegmentPreparer {
    static final String NAME = "segment-next.prepared";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentPreparer.class);
    private static final int ZERO_BLOCK = 256 * 1024;

    private final Path directory;
    private final Path file;
    private final int size;
    private final SpoolFiles files;
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_BLOCK);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread named = new Thread(runnable, "rodent-events-spool-prepare");
        named.setDaemon(true);
        return named;
    });
    private Future<MappedByteBuffer> next;

    SegmentPreparer(Path directory, int size, SpoolFiles files) {
        this.directory = directory;
        this.file = directory.resolve(NAME);
        this.size = size;
        this.files = files;
    }

    /** Removes a file left ahead by an earlier run (its size may have been another). */
    static void removeLeftover(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, NAME)) {
            for (Path entry : entries) {
                SpoolFiles.discard(entry);
            }
        }
    }

    /** Starts allocating the next segment unless one is allocated or on its way. */
    synchronized void prepare() {
        if (next == null && !thread.isShutdown()) {
            next = thread.submit(() -> SegmentWriter.allocate(files, file, size, zeros));
        }
    }

    /** Whether an allocation ahead has finished, well or not: the next roll will not wait for it. */
    synchronized boolean settled() {
        return next != null && next.isDone();
    }

    /**
     * Segment {@code base} made of the file allocated ahead, or null when none is ready now; a
     * failed allocation is forgotten (the caller allocates, and reports what the disk says).
     *
     * @throws IOException when the ready file cannot be renamed into place; it stays for the next roll
     */
    synchronized SegmentWriter take(long base) throws IOException {
        if (next == null || !next.isDone()) {
            return null;
        }
        MappedByteBuffer map;
        try {
            map = next.get();
        } catch (Exception e) {
            next = null;
            LOG.debug("Event spool {}: allocating the next segment ahead failed ({}); the roll allocates it", directory,
                    String.valueOf(e.getCause()));
            return null;
        }
        SegmentWriter writer = SegmentWriter.adopt(file, map, directory, base);
        next = null;
        return writer;
    }

    /** Stops the thread and removes the file allocated ahead, if any. */
    synchronized void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Event spool {}: the segment preparer did not stop within 10 s", directory);
            }
            SpoolFiles.discard(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Event spool {}: cannot remove {} ({}); it is removed at the next start", directory, file, e.toString());
        }
    }
}
