package io.stratastor.rodent.events.core.impl.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The record layout in a segment, big-endian: a 4-byte marker {@code "RDE1"}, the 4-byte payload
 * length, the 4-byte CRC32C of the payload, then the payload (an {@code Event}'s protobuf
 * encoding). The payload is never empty: a marker followed by zeros, as a zeroed range leaves
 * it, would otherwise pass for an intact empty record. Segments are preallocated with zeros, so a zero where a marker should be means no
 * more data unless an intact record follows (a page lost by a power failure). Scanning finds
 * damage and resynchronises on the next intact record. Stateless; thread-safe.
 */
final class RecordFormat {
    static final int MARKER = 0x52444531;
    static final int HEADER = 12;

    /** Told of each damaged range, from its first to past its last non-zero byte. */
    interface DamageListener {
        void damaged(int from, int to);
    }

    private RecordFormat() {
    }

    static int crc(byte[] payload) {
        return crc(payload, payload.length);
    }

    static int crc(byte[] payload, int length) {
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, length);
        return (int) crc.getValue();
    }

    /**
     * Writes a record at {@code offset}, the marker last, so a write cut short by a crash reads as
     * zeros or as damage, never as a record.
     */
    static void write(ByteBuffer segment, int offset, byte[] payload, int crc) {
        write(segment, offset, payload, payload.length, crc);
    }

    /** Writes {@code payload[0, length)} as a record at {@code offset}. */
    static void write(ByteBuffer segment, int offset, byte[] payload, int length, int crc) {
        segment.putInt(offset + 4, length);
        segment.putInt(offset + 8, crc);
        segment.put(offset + HEADER, payload, 0, length);
        segment.putInt(offset, MARKER);
    }

    static int payloadLength(ByteBuffer segment, int record) {
        return segment.getInt(record + 4);
    }

    static int size(ByteBuffer segment, int record) {
        return HEADER + payloadLength(segment, record);
    }

    /**
     * The offset of the first intact record at or after {@code from} and before {@code limit}, or
     * -1 when there is none; damage passed over on the way is reported. Runs in bounded time: each
     * step moves forward.
     */
    static int nextIntact(ByteBuffer segment, int from, int limit, DamageListener listener) {
        int position = from;
        while (position < limit) {
            if (intact(segment, position, limit)) {
                return position;
            }
            int nonZero = firstNonZero(segment, position, limit);
            if (nonZero < 0) {
                return -1;
            }
            if (nonZero > position) {
                position = nonZero;
                continue;
            }
            int next = findIntact(segment, position + 1, limit);
            int damageEnd = next < 0 ? limit : next;
            listener.damaged(position, lastNonZero(segment, position, damageEnd) + 1);
            if (next < 0) {
                return -1;
            }
            position = next;
        }
        return -1;
    }

    static boolean intact(ByteBuffer segment, int position, int limit) {
        if (limit - position < HEADER || segment.getInt(position) != MARKER) {
            return false;
        }
        int length = segment.getInt(position + 4);
        if (length < 1 || length > limit - position - HEADER) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(segment.duplicate().limit(position + HEADER + length).position(position + HEADER));
        return (int) crc.getValue() == segment.getInt(position + 8);
    }

    private static int findIntact(ByteBuffer segment, int from, int limit) {
        for (int position = from; position <= limit - HEADER; position++) {
            if (segment.getInt(position) == MARKER && intact(segment, position, limit)) {
                return position;
            }
        }
        return -1;
    }

    private static int firstNonZero(ByteBuffer segment, int from, int limit) {
        int position = from;
        for (; position + Long.BYTES <= limit; position += Long.BYTES) {
            if (segment.getLong(position) != 0) {
                break;
            }
        }
        for (; position < limit; position++) {
            if (segment.get(position) != 0) {
                return position;
            }
        }
        return -1;
    }

    private static int lastNonZero(ByteBuffer segment, int from, int to) {
        for (int position = to - 1; position > from; position--) {
            if (segment.get(position) != 0) {
                return position;
            }
        }
        return from;
    }
}
