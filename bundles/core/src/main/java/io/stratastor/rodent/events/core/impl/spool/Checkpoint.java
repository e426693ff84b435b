package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The spool's acknowledgement checkpoint: file {@code checkpoint} with two 64-byte slots written
 * alternately in place, each {@code "RDCK"}, generation, last acknowledged sequence number,
 * segment base and offset of the next unacknowledged record, and a CRC32C of those, big-endian.
 * Two slots rather than temp file and rename: one positional write per acknowledgement, no
 * directory entry to force, and a torn write leaves the other slot (one batch older: duplicates,
 * not loss). Thread-safe (synchronised).
 */
final class Checkpoint {
    static final String FILE_NAME = "checkpoint";
    private static final int MARKER = 0x5244434B;
    private static final int SLOT = 64;
    private static final int BODY = 4 + 8 + 8 + 8 + 4;

    /** Everything before {@code offset} in segment {@code segmentBase}, and every older segment, is acknowledged. */
    record Position(long lastAcknowledged, long segmentBase, int offset) {
    }

    private final Path path;
    private final SpoolFiles files;
    private FileChannel channel;
    private long generation;
    private boolean unforced;

    private Checkpoint(Path path, SpoolFiles files, long generation) {
        this.path = path;
        this.files = files;
        this.generation = generation;
    }

    /** Reads the newest intact slot of {@code directory}'s checkpoint; empty when missing or both slots are damaged. */
    static Optional<Position> read(Path directory) throws IOException {
        return newest(directory.resolve(FILE_NAME)).map(Slot::position);
    }

    static Checkpoint open(Path directory, SpoolFiles files) throws IOException {
        Path path = directory.resolve(FILE_NAME);
        return new Checkpoint(path, files, newest(path).map(Slot::generation).orElse(0L));
    }

    synchronized void write(Position position) throws IOException {
        ByteBuffer slot = ByteBuffer.allocate(SLOT);
        slot.putInt(MARKER).putLong(generation + 1).putLong(position.lastAcknowledged())
                .putLong(position.segmentBase()).putInt(position.offset());
        slot.putInt(crc(slot, BODY)).clear();
        try {
            FileChannel open = channel();
            long at = (generation + 1) % 2 * SLOT;
            while (slot.hasRemaining()) {
                open.write(slot, at + slot.position());
            }
        } catch (IOException e) {
            release(e);
            throw e;
        }
        generation++;
        unforced = true;
    }

    /** Forces the last write, if not yet forced. */
    synchronized boolean force() throws IOException {
        if (!unforced || channel == null) {
            return false;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            release(e);
            throw e;
        }
        unforced = false;
        return true;
    }

    synchronized void close() throws IOException {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = files.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
        }
        return channel;
    }

    // A failed channel is reopened on the next write, in case the failure was the file's, not the disk's.
    private void release(IOException failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private record Slot(long generation, Position position) {
    }

    private static Optional<Slot> newest(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Slot best = null;
        for (int at = 0; at + SLOT <= bytes.length && at <= SLOT; at += SLOT) {
            ByteBuffer slot = ByteBuffer.wrap(bytes, at, SLOT).slice();
            if (slot.getInt(0) == MARKER && slot.getInt(BODY) == crc(slot, BODY)) {
                Slot candidate = new Slot(slot.getLong(4), new Position(slot.getLong(12), slot.getLong(20), slot.getInt(28)));
                if (best == null || candidate.generation() > best.generation()) {
                    best = candidate;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int crc(ByteBuffer slot, int length) {
        CRC32C crc = new CRC32C();
        crc.update(slot.duplicate().position(0).limit(length));
        return (int) crc.getValue();
    }
}
