package io.stratastor.rodent.events.core.impl.spool;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells whether a record's payload would parse as an {@code Event} without parsing it: the
 * shipper sends the stored bytes as they are, and one record Toggle cannot parse would make it
 * refuse every batch that carries it. Walks the wire format (tags, varints, lengths) and checks
 * the UTF-8 of the string fields, as protobuf's parser does, allocating nothing for ASCII text.
 * Groups, which {@code Event} never holds, are refused. Stateless; thread-safe.
 */
final class EventRecordCheck {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;
    // Event's string fields: event_id, event_type, source, payload_type.
    private static final long EVENT_STRINGS = 1L << 1 | 1L << 2 | 1L << 5 | 1L << 9;
    private static final int METADATA = 8;
    private static final long MAX_FIELD = (1L << 29) - 1;
    // A metadata entry's key and value.
    private static final long ENTRY_STRINGS = 1L << 1 | 1L << 2;

    private EventRecordCheck() {
    }

    /** Whether {@code payload[from, to)} parses as an {@code Event}. */
    static boolean parses(ByteBuffer payload, int from, int to) {
        return message(payload, from, to, EVENT_STRINGS, true);
    }

    private static boolean message(ByteBuffer buffer, int from, int to, long strings, boolean event) {
        int position = from;
        while (position < to) {
            int afterTag = varintEnd(buffer, position, to, 5);
            if (afterTag < 0) {
                return false;
            }
            long tag = value(buffer, position, afterTag);
            position = afterTag;
            long field = tag >>> 3;
            int wireType = (int) (tag & 7);
            if (field == 0 || field > MAX_FIELD) {
                return false;
            }
            switch (wireType) {
                case VARINT -> position = varintEnd(buffer, position, to, 10);
                case FIXED64 -> position += 8;
                case FIXED32 -> position += 4;
                case LENGTH_DELIMITED -> {
                    int afterLength = varintEnd(buffer, position, to, 5);
                    if (afterLength < 0) {
                        return false;
                    }
                    long length = value(buffer, position, afterLength);
                    position = afterLength;
                    if (length > to - position) {
                        return false;
                    }
                    int end = position + (int) length;
                    if (field < 64 && (strings & 1L << field) != 0 && !utf8(buffer, position, end)) {
                        return false;
                    }
                    if (event && field == METADATA && !message(buffer, position, end, ENTRY_STRINGS, false)) {
                        return false;
                    }
                    position = end;
                }
                default -> {
                    return false;
                }
            }
            if (position < 0) {
                return false;
            }
        }
        return position == to;
    }

    // Where the varint at position ends, or -1 when it is cut short or longer than maxBytes. Tags and
    // lengths are held to 5 bytes (32 bits), values to 10: what our writer produces, and stricter than the parser.
    private static int varintEnd(ByteBuffer buffer, int position, int to, int maxBytes) {
        int limit = Math.min(to, position + maxBytes);
        for (int at = position; at < limit; at++) {
            if (buffer.get(at) >= 0) {
                return at + 1;
            }
        }
        return -1;
    }

    private static long value(ByteBuffer buffer, int from, int end) {
        long value = 0;
        for (int at = from, shift = 0; at < end; at++, shift += 7) {
            value |= (long) (buffer.get(at) & 0x7F) << shift;
        }
        return value;
    }

    private static boolean utf8(ByteBuffer buffer, int from, int to) {
        int position = from;
        for (; position + Long.BYTES <= to; position += Long.BYTES) {
            if ((buffer.getLong(position) & 0x8080_8080_8080_8080L) != 0) {
                break;
            }
        }
        for (; position < to; position++) {
            if (buffer.get(position) < 0) {
                return strictUtf8(buffer, position, to);
            }
        }
        return true;
    }

    // Protobuf refuses overlong forms, surrogates and truncated sequences; so does the JDK's strict decoder.
    private static boolean strictUtf8(ByteBuffer buffer, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer.slice(from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
