package io.stratastor.rodent.events.core.impl.wire;

import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.util.EnumMap;
import java.util.Map;

/** One encoder per generation over one catalogue. Immutable; thread-safe. */
public final class WireEncoders {
    private final Map<Generation, WireEncoder> encoders = new EnumMap<>(Generation.class);

    public WireEncoders(EventCatalog catalog) {
        encoders.put(Generation.V2025_09, new Encoder2025_09(catalog));
        encoders.put(Generation.V2025_12, new Encoder2025_12(catalog));
    }

    public WireEncoder of(Generation generation) {
        return encoders.get(generation);
    }
}
