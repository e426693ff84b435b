package io.stratastor.rodent.events.core.impl.shipping;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch from assembly until the store forgets it: its records (valid until then), and their
 * encoding in the generation it was last sent in. Shipper thread only.
 */
final class PendingBatch {
    enum Status {
        WAITING, SENDING, DELIVERED, REJECTED;

        boolean answered() {
            return this == DELIVERED || this == REJECTED;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PendingBatch.class);

    private final List<ByteBuffer> records;
    private final long timestamp;
    private final String batchId;
    private EncodedBatch encoded;
    private Generation generation;
    private Status status = Status.WAITING;
    private int attempt;
    private String token = "";
    private String detail = "";
    // Sent on a transport since closed: that call may not have let go of the bytes, so they are never reused.
    private boolean sentOnClosedTransport;

    PendingBatch(List<ByteBuffer> records, long timestamp, String batchId) {
        this.records = records;
        this.timestamp = timestamp;
        this.batchId = batchId;
    }

    int events() {
        return records.size();
    }

    String batchId() {
        return batchId;
    }

    Status status() {
        return status;
    }

    /** The token of the last attempt. */
    String token() {
        return token;
    }

    /** Toggle's reason, when it refused the batch for good. */
    String detail() {
        return detail;
    }

    /**
     * The batch in {@code schema}. Encoded once per generation: a retry in the same one sends the
     * same bytes; after a switch the batch is encoded again, with the same {@code batch_id} and
     * event ids.
     */
    EncodedBatch encodedIn(Generation schema, WireEncoders encoders, EncodedBatch.Assembler assembler, ShippingCounters stats) {
        if (encoded != null && generation == schema) {
            return encoded;
        }
        EncodedBatch.Encoded fresh = assembler.encode(records, timestamp, batchId, encoders.of(schema));
        if (encoded == null) {
            stats.wireCarried.add(fresh.carried());
        } else {
            LOG.info("Batch {} goes again in schema {}", batchId, schema.label());
        }
        encoded = fresh.batch();
        generation = schema;
        return encoded;
    }

    /** Marks the batch sent with {@code token}; the attempt's number, which its answer carries. */
    int sending(String token) {
        this.token = token;
        status = Status.SENDING;
        return ++attempt;
    }

    /** Whether an answer to {@code attempt} counts: an answer to an earlier attempt (a closed transport's) is stale. */
    boolean awaits(int attempt) {
        return status == Status.SENDING && this.attempt == attempt;
    }

    void answered(SendResult result) {
        switch (result.outcome()) {
            case DELIVERED -> status = Status.DELIVERED;
            case REJECTED -> {
                status = Status.REJECTED;
                detail = result.detail();
            }
            default -> status = Status.WAITING;
        }
    }

    /** Sent on a transport now closed: it goes again on the next one, and the late answer to this attempt is stale. */
    void sendAgain() {
        if (status == Status.SENDING) {
            status = Status.WAITING;
            attempt++;
            sentOnClosedTransport = true;
        }
    }

    /**
     * Gives the buffer of the batch's encoding back to {@code assembler} once the batch is answered
     * and forgotten, unless a call on a closed transport may still read it. Called once.
     */
    void releaseTo(EncodedBatch.Assembler assembler) {
        if (encoded != null && status.answered() && !sentOnClosedTransport) {
            assembler.release(encoded);
        }
        encoded = null;
    }

    /**
     * The batch as the node keeps its events, the form dead letters are kept in: sent again, they
     * are encoded in whatever generation Toggle reads then.
     */
    EventBatch asStored() {
        EventBatch.Builder batch = EventBatch.newBuilder().setBatchId(batchId).setBatchTimestamp(timestamp);
        for (ByteBuffer record : records) {
            try {
                batch.addEvents(Event.parseFrom(record.duplicate()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a record of batch " + batchId + " does not parse: " + e.getMessage(), e);
            }
        }
        return batch.build();
    }
}
