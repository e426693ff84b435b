package io.stratastor.rodent.events.core.impl.wire;

import java.nio.ByteBuffer;

/** Encodes stored records (the node's {@code Event}) as the {@code Event} of one wire generation. Thread-safe. */
public interface WireEncoder {

    /** The generation this encoder writes. */
    Generation generation();

    /**
     * Appends the encoding of the record, from its position to its limit (left as they were), to
     * {@code out}: the batch's path, which makes no array per event.
     *
     * @return whether a value the module passed travels in a carrier ({@link WireEvent#carried()})
     * @throws IllegalArgumentException when the record does not parse as the node's {@code Event}
     */
    boolean encode(ByteBuffer record, WireOut out);

    /** The encoding of one record as an array of its own: tests and tools. */
    default WireEvent encode(ByteBuffer record) {
        WireOut out = new WireOut(2 * record.remaining());
        boolean carried = encode(record, out);
        return new WireEvent(out.toByteArray(), carried);
    }

    /**
     * One event as it goes on the wire.
     *
     * @param bytes the generation's {@code Event} encoding
     * @param carried whether a value the module passed travels in a documented carrier (metadata)
     *     because the generation has no field for it
     */
    record WireEvent(byte[] bytes, boolean carried) {
    }
}
