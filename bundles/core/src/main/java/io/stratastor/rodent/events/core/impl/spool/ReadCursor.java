package io.stratastor.rodent.events.core.impl.spool;

import java.nio.ByteBuffer;

/** A position in the spool's segments: the reader's, or a copy a peek walks forward. Not thread-safe. */
final class ReadCursor {
    // Null before the first segment exists, or once every segment it passed was deleted.
    Segment segment;
    // The segment's mapping, null until the walk first reads there.
    ByteBuffer view;
    int offset;
    // The sequence number of the record at or after offset.
    long sequence;
    // Records and bytes passed in this segment: what is left of it when it cannot be read.
    long records;
    long bytes;

    ReadCursor(Segment segment, int offset, long sequence) {
        this.segment = segment;
        this.offset = offset;
        this.sequence = sequence;
    }

    ReadCursor copy() {
        ReadCursor copy = new ReadCursor(segment, offset, sequence);
        copy.view = view;
        copy.records = records;
        copy.bytes = bytes;
        return copy;
    }

    void enter(Segment next) {
        segment = next;
        view = null;
        offset = 0;
        sequence = next.base;
        records = 0;
        bytes = 0;
    }

    void step(int at, int size) {
        offset = at + size;
        sequence++;
        records++;
        bytes += size;
    }
}
