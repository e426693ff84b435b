package io.stratastor.rodent.events.upstream;

/**
 * Decodes the request bytes of {@code rodent.RodentService/SendEvents} in one wire generation,
 * with descriptors built from upstream's schema data, and names everything a real Toggle of that
 * generation would refuse, plus what Go lets pass but should not (unknown JSON keys, duplicate
 * keys, two cases of one oneof). Implementations are immutable and thread-safe.
 */
public interface StrictDecoder {

    /** The generation this decoder reads. */
    WireGeneration generation();

    /**
     * Decodes a serialised {@code rodent.EventBatch}. Never throws for bad input: every fault is a
     * problem of the batch or of one event.
     */
    DecodedBatch decode(byte[] eventBatchBytes);

    /** The strict decoder of {@code generation}. */
    static StrictDecoder forGeneration(WireGeneration generation) {
        return generation == WireGeneration.V2025_09 ? new Decoder2025_09() : new Decoder2025_12();
    }
}
