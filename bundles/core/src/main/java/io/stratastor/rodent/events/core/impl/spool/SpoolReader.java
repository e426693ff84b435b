package io.stratastor.rodent.events.core.impl.spool;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's read side: a cursor at the oldest unacknowledged record, walked forward through
 * read-only mappings of the segments. Holds no events, only the cursor and one spare mapping.
 * Thread-safe (synchronised); in practice the shipper's thread, and stats for the oldest timestamp.
 */
final class SpoolReader {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolReader.class);

    /** Told of records that can no longer be read (a vanished segment, a record that does not parse). */
    interface Loss {
        void lost(long records, long bytes);
    }

    /** What {@link #advance} acknowledged, where the next checkpoint points, and the segments now wholly acknowledged. */
    record Advance(int records, long bytes, Checkpoint.Position checkpoint, List<Segment> consumed) {
    }

    private final ConcurrentSkipListMap<Long, Segment> segments;
    private final Quarantine quarantine;
    private final Loss loss;
    // Segments from this base on were written by this spool's own writer, from envelopes encoded
    // as protobuf encodes them; what an earlier run (or anyone else) left on disk is checked.
    private final long writtenHereFrom;
    private ReadCursor cursor;
    // Where the last peekEncoded ended, and how many records lie between the cursor and it.
    private ReadCursor ahead;
    private long aheadRecords;
    private long lastAcknowledged;
    private Segment spareSegment;
    private ByteBuffer spareView;
    private long oldest = -1;
    private Segment unreadableLogged;

    SpoolReader(Replay replay, Quarantine quarantine, Loss loss) {
        this.segments = replay.segments;
        this.quarantine = quarantine;
        this.loss = loss;
        this.cursor = new ReadCursor(replay.cursorSegment, replay.cursorOffset, replay.cursorSequence);
        this.writtenHereFrom = replay.nextSequence;
        this.lastAcknowledged = replay.lastAcknowledged;
    }

    /** Up to {@code maxEvents} of the oldest events (at least one if any), at most {@code maxBytes} counted as the memory store counts. */
    synchronized List<Event> peek(int maxEvents, long maxBytes) {
        List<ByteBuffer> records = collect(cursor.copy(), true, maxEvents, maxBytes);
        List<Event> events = new ArrayList<>(records.size());
        for (ByteBuffer record : records) {
            try {
                events.add(Event.parseFrom(record));
            } catch (InvalidProtocolBufferException e) {
                // EventRecordCheck let it through: a gap between it and the parser; stop before it.
                LOG.error("Event spool: a record passed the check but does not parse ({}); left for the shipper", e.getMessage());
                break;
            }
        }
        return events;
    }

    /**
     * The encodings of up to {@code maxEvents} events after the {@code skip} oldest (the batches in
     * flight), at most {@code maxBytes} counted as {@link #peek} counts (at least one if any). Each is
     * a read-only view of the segment's mapping, valid until its record is acknowledged. A walk
     * continues where the previous one ended when {@code skip} says it may, so pipelined batches
     * check each record's CRC once.
     */
    synchronized List<ByteBuffer> peekEncoded(long skip, int maxEvents, long maxBytes) {
        ReadCursor walk;
        if (ahead != null && aheadRecords == skip) {
            walk = ahead.copy();
        } else {
            walk = cursor.copy();
            for (long i = 0; i < skip; i++) {
                int at = next(walk, false);
                if (at < 0) {
                    return List.of();
                }
                walk.step(at, RecordFormat.size(walk.view, at));
            }
        }
        List<ByteBuffer> records = collect(walk, skip == 0, maxEvents, maxBytes);
        ahead = walk;
        aheadRecords = skip + records.size();
        return records;
    }

    // Walks forward from walk collecting intact records that parse. From the oldest record
    // (atHead), what cannot be read or parsed is passed by the cursor too: quarantined or given up
    // as lost; further on, the walk stops before it.
    private List<ByteBuffer> collect(ReadCursor walk, boolean atHead, int maxEvents, long maxBytes) {
        List<ByteBuffer> batch = new ArrayList<>();
        long bytes = 0;
        while (batch.size() < maxEvents) {
            boolean head = atHead && batch.isEmpty();
            int at = next(walk, head);
            if (head) {
                // Nothing returned yet: what the walk passed is no event, so the cursor may pass it too.
                cursor = walk.copy();
            }
            if (at < 0) {
                break;
            }
            int size = RecordFormat.size(walk.view, at);
            bytes += size - RecordFormat.HEADER + 8;
            if (bytes > maxBytes && !batch.isEmpty()) {
                break;
            }
            boolean parses = walk.segment.base >= writtenHereFrom
                    || EventRecordCheck.parses(walk.view, at + RecordFormat.HEADER, at + size);
            if (!parses && !head) {
                break;
            }
            walk.step(at, size);
            if (!parses) {
                quarantine.keep(walk.segment, walk.view, at, at + size);
                loss.lost(1, size);
                cursor = walk.copy();
                oldest = -1;
                bytes = 0;
            } else {
                batch.add(walk.view.slice(at + RecordFormat.HEADER, size - RecordFormat.HEADER));
            }
        }
        return batch;
    }

    /** Acknowledges the {@code count} oldest records (fewer if fewer are readable). */
    synchronized Advance advance(int count) {
        int records = 0;
        long bytes = 0;
        while (records < count) {
            int at = next(cursor, true);
            if (at < 0) {
                break;
            }
            int size = RecordFormat.size(cursor.view, at);
            lastAcknowledged = cursor.sequence;
            cursor.step(at, size);
            records++;
            bytes += size;
        }
        if (records > 0) {
            oldest = -1;
        }
        aheadRecords -= records;
        if (aheadRecords <= 0) {
            ahead = null;
            aheadRecords = 0;
        }
        List<Segment> consumed = settle();
        Checkpoint.Position position = cursor.segment == null
                ? new Checkpoint.Position(lastAcknowledged, lastAcknowledged + 1, 0)
                : new Checkpoint.Position(lastAcknowledged, cursor.segment.base, cursor.offset);
        return new Advance(records, bytes, position, consumed);
    }

    synchronized long oldestTimestamp() {
        if (oldest < 0) {
            List<Event> first = peek(1, Long.MAX_VALUE);
            oldest = first.isEmpty() ? -1 : first.get(0).getTimestamp();
        }
        return oldest;
    }

    synchronized void close() {
        cursor.view = null;
        ahead = null;
        spareSegment = null;
        spareView = null;
    }

    /**
     * Moves {@code walk} to its next intact record and returns the record's offset, or -1 when
     * none is readable yet. At the head, a segment that cannot be mapped is given up as lost;
     * elsewhere the walk stops before it.
     */
    private int next(ReadCursor walk, boolean head) {
        while (true) {
            if (walk.segment == null) {
                Map.Entry<Long, Segment> first = segments.firstEntry();
                if (first == null) {
                    return -1;
                }
                walk.enter(first.getValue());
            }
            Segment segment = walk.segment;
            boolean sealed = segment.sealed();
            int end = segment.end();
            if (walk.offset < end) {
                if (walk.view == null && !map(walk)) {
                    if (!head || !sealed) {
                        return -1;
                    }
                    loss.lost(segment.records() - walk.records, segment.bytes() - walk.bytes);
                    walk.offset = end;
                } else {
                    ByteBuffer view = walk.view;
                    int at = RecordFormat.nextIntact(view, walk.offset, end, (from, to) -> {
                        if (segment.firstDamageReport()) {
                            quarantine.keep(segment, view, from, to);
                        }
                    });
                    if (at >= 0) {
                        return at;
                    }
                    walk.offset = end;
                }
            }
            Map.Entry<Long, Segment> after = sealed ? segments.higherEntry(segment.base) : null;
            if (after == null) {
                return -1;
            }
            walk.enter(after.getValue());
        }
    }

    // Leaves the cursor off wholly read, sealed segments and hands back every segment before it.
    private List<Segment> settle() {
        Segment at = cursor.segment;
        if (at == null) {
            return List.of();
        }
        if (at.sealed() && cursor.offset >= at.end()) {
            Map.Entry<Long, Segment> after = segments.higherEntry(at.base);
            if (after == null) {
                cursor = new ReadCursor(null, 0, cursor.sequence);
            } else {
                cursor.enter(after.getValue());
            }
        }
        List<Segment> consumed = new ArrayList<>(cursor.segment == null ? segments.headMap(at.base, true).values()
                : segments.headMap(cursor.segment.base).values());
        for (Segment segment : consumed) {
            segments.remove(segment.base);
            if (segment == spareSegment) {
                spareSegment = null;
                spareView = null;
            }
        }
        return consumed;
    }

    private boolean map(ReadCursor walk) {
        Segment segment = walk.segment;
        if (segment != spareSegment) {
            try (FileChannel channel = FileChannel.open(segment.path, Set.of(StandardOpenOption.READ))) {
                spareView = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(channel.size(), Integer.MAX_VALUE));
                spareSegment = segment;
            } catch (IOException e) {
                if (unreadableLogged != segment) {
                    unreadableLogged = segment;
                    LOG.error("Event spool: cannot read {} ({}); its events are skipped once it is the oldest", segment.path, e.toString());
                }
                return false;
            }
        }
        walk.view = spareView;
        return true;
    }
}
