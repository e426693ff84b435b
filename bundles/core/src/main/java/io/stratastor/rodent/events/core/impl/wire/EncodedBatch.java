package io.stratastor.rodent.events.core.impl.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.proto.EventBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code EventBatch} as the bytes that go on the wire, assembled from the events' encodings
 * without parsing them: a repeated message field is its elements' bytes, each behind its tag and
 * length, so {@code events} (field 1) is a copy of the encoded events, then
 * {@code batch_timestamp} (2) and {@code batch_id} (3). Both generations share this layout; the
 * stored records are first encoded in the generation Toggle reads ({@link #encode}). Immutable.
 */
public final class EncodedBatch {
    private static final int EVENTS_TAG = 1 << 3 | 2;
    private static final int TIMESTAMP_TAG = 2 << 3;
    private static final int BATCH_ID_TAG = 3 << 3 | 2;


    // The batch is bytes[0, length); an assembler's batch lies in a buffer it takes back once the batch is forgotten.
    private final byte[] bytes;
    private final int length;
    private final int events;
    private final String batchId;

    private EncodedBatch(byte[] bytes, int length, int events, String batchId) {
        this.bytes = bytes;
        this.length = length;
        this.events = events;
        this.batchId = batchId;
    }

    private EncodedBatch(byte[] bytes, int events, String batchId) {
        this(bytes, bytes.length, events, batchId);
    }

    /**
     * Assembles a batch of {@code events}, each buffer one {@code Event}'s encoding from its
     * position to its limit (left as they were).
     */
    public static EncodedBatch assemble(List<ByteBuffer> events, long batchTimestamp, String batchId) {
        byte[] id = batchId.getBytes(StandardCharsets.UTF_8);
        long size = 0;
        for (ByteBuffer event : events) {
            size += 1 + Varints.size(event.remaining()) + event.remaining();
        }
        if (batchTimestamp != 0) {
            size += 1 + Varints.size(batchTimestamp);
        }
        if (id.length > 0) {
            size += 1 + Varints.size(id.length) + id.length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + events.size() + " events is " + size + " bytes; expected under 2 GiB");
        }
        byte[] out = new byte[(int) size];
        int at = 0;
        for (ByteBuffer event : events) {
            int length = event.remaining();
            out[at++] = EVENTS_TAG;
            at = Varints.put(out, at, length);
            event.get(event.position(), out, at, length);
            at += length;
        }
        if (batchTimestamp != 0) {
            out[at++] = TIMESTAMP_TAG;
            at = Varints.put(out, at, batchTimestamp);
        }
        if (id.length > 0) {
            out[at++] = BATCH_ID_TAG;
            at = Varints.put(out, at, id.length);
            System.arraycopy(id, 0, out, at, id.length);
        }
        return new EncodedBatch(out, events.size(), batchId);
    }

    /**
     * Assembles a batch of stored records, each encoded by {@code encoder} in its generation, with
     * buffers of its own; the shipper reuses an {@link Assembler}.
     *
     * @return the batch and how many of its events needed a carrier ({@link WireEncoder.WireEvent#carried()})
     */
    public static Encoded encode(List<ByteBuffer> records, long batchTimestamp, String batchId, WireEncoder encoder) {
        return new Assembler().encode(records, batchTimestamp, batchId, encoder);
    }

    /**
     * Encodes batch after batch into buffers it takes back: each batch lies in a buffer of its own
     * until it is {@link #release released}, after which the buffer holds a later batch. So a batch
     * costs no new array once a window's worth of buffers exists. One thread's; not thread-safe.
     */
    public static final class Assembler {
        // A buffer grown past this by a rare huge batch is let go rather than held for good.
        private static final int KEEP_AT_MOST = 8 << 20;

        private final ArrayDeque<byte[]> free = new ArrayDeque<>();
        private final int keepAtMost;
        private final WireOut event = new WireOut(4096);

        /** Keeps at most {@code keepAtMost} released buffers for later batches. */
        public Assembler(int keepAtMost) {
            this.keepAtMost = keepAtMost;
        }

        /** An assembler that keeps no buffer: each batch has an array of its own size, as {@link EncodedBatch#encode} gives. */
        public Assembler() {
            this(0);
        }

        /** As {@link EncodedBatch#encode}, in a buffer of this assembler's until {@link #release}. */
        public Encoded encode(List<ByteBuffer> records, long batchTimestamp, String batchId, WireEncoder encoder) {
            byte[] buffer = free.poll();
            WireOut batch = new WireOut(buffer != null ? buffer : new byte[firstCapacity(records)]);
            int carried = 0;
            for (ByteBuffer record : records) {
                // One event at a time, then copied behind its length into the batch.
                event.reset();
                if (encoder.encode(record, event)) {
                    carried++;
                }
                batch.lengthDelimited(EVENTS_TAG, event);
            }
            if (batchTimestamp != 0) {
                batch.varint(TIMESTAMP_TAG, batchTimestamp);
            }
            byte[] id = batchId.getBytes(StandardCharsets.UTF_8);
            if (id.length > 0) {
                batch.varint(BATCH_ID_TAG, id.length);
                batch.put(id);
            }
            EncodedBatch encoded = keepAtMost == 0 ? new EncodedBatch(batch.toByteArray(), records.size(), batchId)
                    : new EncodedBatch(batch.array(), batch.size(), records.size(), batchId);
            return new Encoded(encoded, carried);
        }

        // Room for the usual growth (2025-09's JSON is about a fifth larger than the stored payload); more grows it once.
        private static int firstCapacity(List<ByteBuffer> records) {
            long stored = 64;
            for (ByteBuffer record : records) {
                stored += record.remaining();
            }
            return (int) Math.min(Integer.MAX_VALUE - 64, stored + stored / 2);
        }

        /**
         * Takes back the buffer of a batch this assembler encoded, which nothing reads any more: its
         * answer came and the store forgot it. A batch released twice, or still read, would corrupt a
         * later one, so the caller releases only batches it is done with.
         */
        public void release(EncodedBatch batch) {
            if (free.size() < keepAtMost && batch.bytes.length <= KEEP_AT_MOST && free.stream().noneMatch(buffer -> buffer == batch.bytes)) {
                free.push(batch.bytes);
            }
        }
    }

    /** A batch in a wire generation, and how many of its events needed a carrier. */
    public record Encoded(EncodedBatch batch, int carried) {
    }

    /** A batch already built as a message: tests. */
    public static EncodedBatch of(EventBatch batch) {
        return new EncodedBatch(batch.toByteArray(), batch.getEventsCount(), batch.getBatchId());
    }

    /** Events in the batch. */
    public int events() {
        return events;
    }

    public String batchId() {
        return batchId;
    }

    /** Bytes on the wire, before gRPC's framing. */
    public int size() {
        return length;
    }

    /** The bytes read as the node's {@code EventBatch}: for tests, not the send path. */
    public EventBatch decode() {
        try {
            return EventBatch.parser().parseFrom(bytes, 0, length);
        } catch (InvalidProtocolBufferException e) {
            // Assembled from records the spool checked; a failure here is a bug, not input.
            throw new IllegalStateException("batch " + batchId + " does not parse: " + e.getMessage(), e);
        }
    }

    /** A copy of the bytes, which stays valid however long it is kept: tests and figures. The transport reads {@link #array()}. */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * The array the batch lies in, from 0 to {@link #size()}; shared, not copied: the transport's
     * marshaller streams it, and nothing writes it until the batch is released.
     */
    public byte[] array() {
        return bytes;
    }
}
