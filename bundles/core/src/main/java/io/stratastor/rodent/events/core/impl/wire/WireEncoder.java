package io.stratastor.rodent.events.core.impl.wire;

import java.nio.ByteBuffer;

/** Encodes stored records (the node's {@code Event}) as the {@code Event} of one wire generation. Thread-safe. */
public interface WireEncoder {

    /** The generation this encoder writes. */
    Generation generation();

    /**
     * Encodes the record from its position to its limit (left as they were).
     *
     * @throws IllegalArgumentException when the record does not parse as the node's {@code Event}
     */
    WireEvent encode(ByteBuffer record);

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
