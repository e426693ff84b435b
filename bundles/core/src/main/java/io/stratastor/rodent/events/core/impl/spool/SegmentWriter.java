package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Appends records to one memory-mapped, preallocated segment. Not thread-safe for appends (the
 * spool's write lock serialises them); {@link #force} is synchronised and may run alongside.
 */
final class SegmentWriter {
    final Segment segment;
    private final MappedByteBuffer map;
    private int position;
    private int forced;

    private SegmentWriter(Segment segment, MappedByteBuffer map) {
        this.segment = segment;
        this.map = map;
    }

    /**
     * Creates segment {@code base}, writes zeros over all of it so that a full disk fails here
     * rather than as a fault on a write into a sparse mapping, and maps it.
     */
    static SegmentWriter create(SpoolFiles files, Path directory, long base, int size, ByteBuffer zeros) throws IOException {
        Path path = directory.resolve(Segment.fileName(base));
        return new SegmentWriter(new Segment(base, path), allocate(files, path, size, zeros));
    }

    /**
     * Makes segment {@code base} of a file {@link #allocate allocated} ahead under another name:
     * renamed into place, its mapping kept (a mapping belongs to the file, not to its name).
     */
    static SegmentWriter adopt(Path allocated, MappedByteBuffer map, Path directory, long base) throws IOException {
        Path path = directory.resolve(Segment.fileName(base));
        Files.move(allocated, path, StandardCopyOption.ATOMIC_MOVE);
        return new SegmentWriter(new Segment(base, path), map);
    }

    /** A new file of {@code size} zeros at {@code path}, mapped; nothing is left behind on failure. */
    static MappedByteBuffer allocate(SpoolFiles files, Path path, int size, ByteBuffer zeros) throws IOException {
        FileChannel channel = files.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
        try (channel) {
            for (long written = 0; written < size; ) {
                ByteBuffer block = zeros.duplicate();
                block.limit((int) Math.min(block.capacity(), size - written));
                written += channel.write(block, written);
            }
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    boolean fits(int recordBytes) {
        return map.capacity() - position >= recordBytes;
    }

    /**
     * Copies a record in; readers see it only after {@link #publish}. May throw
     * {@link InternalError} if the file lost its blocks (the JVM's report of a fault on a mapping).
     */
    void write(byte[] payload, int length, int crc) {
        RecordFormat.write(map, position, payload, length, crc);
    }

    void publish(int recordBytes) {
        position += recordBytes;
        segment.published(position, recordBytes);
    }

    /** Forces what was written since the last force; throws {@link java.io.UncheckedIOException} on failure. */
    synchronized boolean force() {
        int end = segment.end();
        if (end <= forced) {
            return false;
        }
        map.force(forced, end - forced);
        forced = end;
        return true;
    }
}
