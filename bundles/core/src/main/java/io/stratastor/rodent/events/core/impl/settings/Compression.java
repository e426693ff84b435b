package io.stratastor.rodent.events.core.impl.settings;

import java.util.Locale;

/** How batches are compressed on their way to Toggle ({@code toggle.compression}). Stateless. */
public enum Compression {
    /** As they are. */
    NONE,
    /** gRPC's message compression with gzip ({@code grpc-encoding: gzip}); grpc-java servers decompress it by default. */
    GZIP;

    /** The value of {@code toggle.compression}, and of gRPC's {@code grpc-encoding} for {@link #GZIP}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
