package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.OverflowPolicy;
import io.stratastor.rodent.events.core.impl.settings.SpoolSettings;
import io.stratastor.rodent.events.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The spool's write side: admits or refuses each event (size, capacity by level, disk), appends
 * it to the current segment, and rolls to a new segment when it is full. Thread-safe: encoding
 * and CRC happen outside one short lock; a roll (rare) renames the segment the
 * {@link SegmentPreparer} allocated ahead, or allocates one inside the lock when none is ready.
 */
final class SpoolWriter {
    static final long DISK_RETRY_MILLIS = 1_000;
    private static final int ZERO_BLOCK = 256 * 1024;

    private final Path directory;
    private final SpoolSettings settings;
    private final Clock clock;
    private final SpoolFiles files;
    private final ConcurrentSkipListMap<Long, Segment> segments;
    private final Backlog backlog;
    private final SpoolCounters counters;
    private final SpoolHealth health;
    private final Durability durability;
    private final SegmentPreparer preparer;
    private final ReentrantLock lock = new ReentrantLock();
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_BLOCK);
    private volatile SegmentWriter current;
    private boolean closed;
    private long nextSequence;
    private long retryAt = Long.MIN_VALUE;

    SpoolWriter(Path directory, SpoolSettings settings, Clock clock, SpoolFiles files, Replay replay, Backlog backlog,
            SpoolCounters counters, SpoolHealth health, Durability durability, SegmentPreparer preparer) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.files = files;
        this.segments = replay.segments;
        this.nextSequence = replay.nextSequence;
        this.backlog = backlog;
        this.counters = counters;
        this.health = health;
        this.durability = durability;
        this.preparer = preparer;
    }

    /**
     * @return events pending afterwards, or -1 when refused: too large, no room at its level, a disk error, or closed
     * @throws IllegalArgumentException when the event has no field set
     */
    int append(Event event) {
        byte[] payload = event.toByteArray();
        return append(payload, payload.length, OverflowPolicy.levelOf(event.getLevel()));
    }

    /** As {@link #append(Event)}, for an event already encoded in {@code payload[0, length)}. */
    int append(byte[] payload, int length, Level level) {
        if (length == 0) {
            throw new IllegalArgumentException("an event with no field set cannot be spooled; expected at least its event_id");
        }
        if (length > settings.maxFileSize() - RecordFormat.HEADER) {
            counters.oversize.increment();
            return -1;
        }
        int recordBytes = RecordFormat.HEADER + length;
        int crc = RecordFormat.crc(payload, length);
        long limit = settings.overflowPolicy().limitBytes(level, settings.capacityBytes());
        lock.lock();
        try {
            if (closed) {
                return -1;
            }
            long held = backlog.bytes();
            if (held + recordBytes > limit) {
                counters.dropped(level);
                health.refusing(held, settings.capacityBytes(), settings.overflowPolicy());
                return -1;
            }
            if ((current == null || !current.fits(recordBytes)) && !roll()) {
                counters.diskErrors.increment();
                return -1;
            }
            return write(payload, length, crc, recordBytes);
        } finally {
            lock.unlock();
        }
    }

    /** The segment being written, or null. */
    SegmentWriter current() {
        return current;
    }

    /** Refuses every later append and lets go of the current segment, returned for a last force. */
    SegmentWriter close() {
        lock.lock();
        try {
            SegmentWriter last = current;
            closed = true;
            current = null;
            return last;
        } finally {
            lock.unlock();
        }
    }

    // Counted before it is readable, so the shipper never acknowledges more than size() holds.
    private int write(byte[] payload, int length, int crc, int recordBytes) {
        SegmentWriter segment = current;
        try {
            segment.write(payload, length, crc);
        } catch (InternalError e) {
            // How the JVM reports a fault on a mapped page: the file lost its blocks (e.g. a full copy-on-write pool).
            segment.segment.seal();
            current = null;
            counters.diskErrors.increment();
            health.failed(SpoolHealth.Operation.APPEND, e);
            return -1;
        }
        nextSequence++;
        long held = backlog.added(recordBytes);
        segment.publish(recordBytes);
        return (int) Math.min(held, Integer.MAX_VALUE);
    }

    // The new segment is listed before the old one is sealed: a reader past the seal finds its successor.
    private boolean roll() {
        long now = clock.millis();
        // A wait longer than one retry means the wall clock was set back: try now.
        if (now < retryAt && retryAt - now <= DISK_RETRY_MILLIS) {
            return false;
        }
        SegmentWriter next;
        try {
            next = preparer == null ? null : preparer.take(nextSequence);
            if (next == null) {
                next = SegmentWriter.create(files, directory, nextSequence, settings.maxFileSize(), zeros);
            }
        } catch (IOException e) {
            retryAt = now + DISK_RETRY_MILLIS;
            health.failed(SpoolHealth.Operation.APPEND, e);
            return false;
        }
        health.succeeded(SpoolHealth.Operation.APPEND);
        segments.put(next.segment.base, next.segment);
        SegmentWriter previous = current;
        current = next;
        durability.rolled(previous);
        if (previous != null) {
            previous.segment.seal();
        }
        if (preparer != null) {
            preparer.prepare();
        }
        return true;
    }
}
