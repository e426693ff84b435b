package io.stratastor.rodent.events.core.impl.wire;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The generation of the Rodent → Toggle schema a Toggle reads (docs/WIRE.md); setting {@code toggle.schema}. */
public enum Generation {
    /** The seed's: dotted {@code event_type}, payload as JSON, fields 1–8. The default. */
    V2025_09("2025-09"),
    /** Today's: one {@code Event} with a oneof of category wrappers, each payload with an operation. */
    V2025_12("2025-12");

    private final String label;

    Generation(String label) {
        this.label = label;
    }

    /** The configuration spelling, {@code 2025-09} or {@code 2025-12}. */
    public String label() {
        return label;
    }

    /**
     * The generation of a configuration value; blank means {@link #V2025_09}.
     *
     * @throws IllegalArgumentException naming the two accepted values
     */
    public static Generation parse(String text) {
        String wanted = text == null ? "" : text.trim();
        if (wanted.isEmpty()) {
            return V2025_09;
        }
        for (Generation generation : values()) {
            if (generation.label.equals(wanted)) {
                return generation;
            }
        }
        throw new IllegalArgumentException("toggle.schema: unknown schema generation '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Generation::label).collect(Collectors.joining(", ")));
    }
}
