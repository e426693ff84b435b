package io.stratastor.rodent.events.upstream;

/** The two generations of upstream's Rodent → Toggle wire schema (WIRE.md). */
public enum WireGeneration {
    /** toggle-rodent-proto 7b1a750 (2025-09-16): dotted {@code event_type}, payload as JSON. */
    V2025_09("2025-09"),
    /** toggle-rodent-proto d890a1c (2025-12-09): category wrappers, typed payloads with an operation. */
    V2025_12("2025-12");

    private final String id;

    WireGeneration(String id) {
        this.id = id;
    }

    /** The generation's name as configured, {@code 2025-09} or {@code 2025-12}. */
    public String id() {
        return id;
    }

    /**
     * The generation named {@code id}.
     *
     * @throws IllegalArgumentException naming the value and the two accepted ones
     */
    public static WireGeneration parse(String id) {
        for (WireGeneration generation : values()) {
            if (generation.id.equals(id)) {
                return generation;
            }
        }
        throw new IllegalArgumentException("unknown schema generation '" + id + "'; expected 2025-09 or 2025-12");
    }

    @Override
    public String toString() {
        return id;
    }
}
