package io.stratastor.rodent.events.core.impl.transport;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.proto.EventBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code EventBatch} as the bytes that go on the wire, assembled from the events' stored
 * encodings without parsing them: a repeated message field is its elements' bytes, each behind
 * its tag and length, so {@code events} (field 1) is a copy of the records, then
 * {@code batch_timestamp} (2) and {@code batch_id} (3). One copy per event, no {@code Event}
 * objects, the same bytes on every retry. Immutable.
 */
public final class EncodedBatch {
    private static final int EVENTS_TAG = 1 << 3 | 2;
    private static final int TIMESTAMP_TAG = 2 << 3;
    private static final int BATCH_ID_TAG = 3 << 3 | 2;

    private final byte[] bytes;
    private final int events;
    private final String batchId;

    private EncodedBatch(byte[] bytes, int events, String batchId) {
        this.bytes = bytes;
        this.events = events;
        this.batchId = batchId;
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

    /** A batch already built as a message: dead letters sent again, tests. */
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
        return bytes.length;
    }

    /** The batch as a message: for dead letters and tests, not the send path. */
    public EventBatch decode() {
        try {
            return EventBatch.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            // Assembled from records the spool checked; a failure here is a bug, not input.
            throw new IllegalStateException("batch " + batchId + " does not parse: " + e.getMessage(), e);
        }
    }

    // Shared, not copied: the marshaller streams it and nothing writes it after assembly.
    byte[] bytes() {
        return bytes;
    }
}
