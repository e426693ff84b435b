package io.stratastor.rodent.events.core.impl.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array with protobuf's field writers, that the encoders write events into and
 * batches are assembled in; reused by one thread ({@link #reset}). Not thread-safe.
 */
public final class WireOut {
    private byte[] bytes;
    private int size;

    public WireOut(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    /** Writes into {@code buffer} from its start, growing into a new array when it is full. */
    WireOut(byte[] buffer) {
        bytes = buffer;
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** The array written, from 0 to {@link #size()}; shared. */
    byte[] array() {
        return bytes;
    }

    /** A field of {@code tag} holding what {@code value} holds, as a length-delimited field. */
    void lengthDelimited(int tag, WireOut value) {
        ensure(6 + value.size);
        bytes[size++] = (byte) tag;
        size = Varints.put(bytes, size, value.size);
        System.arraycopy(value.bytes, 0, bytes, size, value.size);
        size += value.size;
    }

    void varint(int tag, long value) {
        ensure(11);
        bytes[size++] = (byte) tag;
        size = Varints.put(bytes, size, value);
    }

    void put(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    void copy(ByteBuffer from, int start, int end) {
        ensure(end - start);
        from.get(start, bytes, size, end - start);
        size += end - start;
    }

    // Proto3 leaves a zero out.
    void varintField(int field, long value) {
        if (value == 0) {
            return;
        }
        ensure(16);
        bytes[size++] = (byte) (field << 3);
        size = Varints.put(bytes, size, value);
    }

    void bytesField(int field, JsonBytes value) {
        if (value == null || value.size() == 0) {
            return;
        }
        ensure(16 + value.size());
        bytes[size++] = (byte) (field << 3 | 2);
        size = Varints.put(bytes, size, value.size());
        System.arraycopy(value.array(), 0, bytes, size, value.size());
        size += value.size();
    }

    // A map entry: key (1) and value (2), both always present, as protobuf writes them.
    void entry(int field, String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int length = 1 + Varints.size(k.length) + k.length + 1 + Varints.size(v.length) + v.length;
        ensure(16 + length);
        bytes[size++] = (byte) (field << 3 | 2);
        size = Varints.put(bytes, size, length);
        bytes[size++] = 1 << 3 | 2;
        size = Varints.put(bytes, size, k.length);
        System.arraycopy(k, 0, bytes, size, k.length);
        size += k.length;
        bytes[size++] = 2 << 3 | 2;
        size = Varints.put(bytes, size, v.length);
        System.arraycopy(v, 0, bytes, size, v.length);
        size += v.length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
