package io.stratastor.rodent.events.toggle;

/**
 * Counts the records of a protobuf message by walking its wire format, without parsing: the
 * entries of the repeated message field at the end of a path of field numbers, e.g. {@code 1} for
 * {@code EventBatch.events} or {@code 1, 2, 2} for the log records of an OTLP
 * {@code ExportLogsServiceRequest} (resource_logs → scope_logs → log_records). What it walks it
 * checks strictly: every field of every message on the path and the top level of every counted
 * record must have a field number of at least 1, a wire type of varint, fixed64, length-delimited
 * or fixed32 (no groups, no reserved types), a varint of at most 10 bytes (a tag or a length of at
 * most 5, and within {@code int}), and a length that ends inside its message; a field of the path
 * must be length-delimited. Unknown fields are skipped, as a parser skips them. Contents (strings,
 * nested messages below the counted records) are not decoded. Stateless and thread-safe.
 */
public final class WireWalk {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private WireWalk() {
    }

    /** The wire format does not hold: names what is wrong and its offset. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message, int offset) {
            super(message + " at byte " + offset);
        }
    }

    /**
     * The number of records at the end of {@code path} in {@code message}.
     *
     * @param path field numbers from the outer message inwards, at least one
     * @throws MalformedException when anything walked is not well-formed protobuf, as described above
     */
    public static long count(byte[] message, int... path) throws MalformedException {
        if (path.length == 0) {
            throw new IllegalArgumentException("path must name at least one field");
        }
        return new Cursor(message).walk(message.length, path, 0);
    }

    /** A position in the bytes being walked. Not thread-safe: one walk. */
    private static final class Cursor {
        private final byte[] b;
        private int at;

        Cursor(byte[] b) {
            this.b = b;
        }

        // The fields up to `to`: the path's field walked into (or counted, at the last step), others skipped.
        long walk(int to, int[] path, int depth) throws MalformedException {
            long count = 0;
            int field = path[depth];
            boolean last = depth == path.length - 1;
            while (at < to) {
                int tagAt = at;
                int tag = tag(to);
                int number = tag >>> 3;
                int type = tag & 7;
                if (number == field && type != LENGTH_DELIMITED) {
                    throw new MalformedException("field " + number + " has wire type " + type + ", expected 2 (a message)", tagAt);
                }
                if (number == field) {
                    int end = length(to);
                    if (last) {
                        frame(end);
                        count++;
                    } else {
                        count += walk(end, path, depth + 1);
                    }
                } else {
                    skip(type, to, tagAt);
                }
            }
            return count;
        }

        // The top level of one record: every field well-framed, nothing decoded.
        void frame(int to) throws MalformedException {
            while (at < to) {
                int tagAt = at;
                int tag = tag(to);
                skip(tag & 7, to, tagAt);
            }
        }

        // A tag: a varint of at most 5 bytes within 32 bits, with a field number of at least 1.
        private int tag(int to) throws MalformedException {
            int tagAt = at;
            long tag = varint(to, 5);
            if (tag > 0xFFFF_FFFFL || (tag >>> 3) < 1) {
                throw new MalformedException("field number " + (tag >>> 3), tagAt);
            }
            return (int) tag;
        }

        // A length varint; returns where the value it announces ends, which must be inside the message.
        private int length(int to) throws MalformedException {
            int lengthAt = at;
            long length = varint(to, 5);
            if (length > to - at) {
                throw new MalformedException("length " + length + " runs past the end of its message (" + (to - at) + " bytes left)",
                        lengthAt);
            }
            return at + (int) length;
        }

        private void skip(int type, int to, int tagAt) throws MalformedException {
            switch (type) {
                case VARINT -> varint(to, 10);
                case FIXED64 -> fixed(8, to);
                case LENGTH_DELIMITED -> at = length(to);
                case FIXED32 -> fixed(4, to);
                default -> throw new MalformedException("wire type " + type + " (groups and types 6 and 7 are refused)", tagAt);
            }
        }

        private void fixed(int width, int to) throws MalformedException {
            if (to - at < width) {
                throw new MalformedException("fixed-width value runs past the end of its message", at);
            }
            at += width;
        }

        // A varint of at most maxBytes bytes that ends before `to`; a 5-byte one must fit 32 bits.
        private long varint(int to, int maxBytes) throws MalformedException {
            int start = at;
            long value = 0;
            for (int i = 0; i < maxBytes; i++) {
                if (at >= to) {
                    throw new MalformedException("varint runs past the end of its message", start);
                }
                int octet = b[at++];
                value |= (long) (octet & 0x7F) << (7 * i);
                if (octet >= 0) {
                    if (maxBytes == 5 && value > 0xFFFF_FFFFL) {
                        throw new MalformedException("varint does not fit 32 bits", start);
                    }
                    return value;
                }
            }
            throw new MalformedException("varint longer than " + maxBytes + " bytes", start);
        }
    }
}
