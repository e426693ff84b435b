package io.stratastor.rodent.events.core.impl.wire;

/** Protobuf's base-128 varints, written into arrays by the code that encodes without a message. Stateless. */
public final class Varints {
    private Varints() {
    }

    /** Bytes the varint of {@code value} takes (a negative value takes 10). */
    public static int size(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** Writes the varint of {@code value} at {@code at}; returns the offset after it. */
    public static int put(byte[] out, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            out[at++] = (byte) (value & 0x7F | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }
}
