package io.stratastor.rodent.events.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The standard and domain metadata keys, and a small builder of metadata maps.
 *
 * <pre>{@code
 * Map<String, String> metadata = Meta.builder()
 *         .put(Meta.COMPONENT, "zfs-pool-manager")
 *         .put(Meta.POOL, "tank")
 *         .build();
 * }</pre>
 */
public final class Meta {
    // Standard keys
    public static final String COMPONENT = "component";
    public static final String ACTION = "action";
    public static final String MODULE = "module";
    public static final String RESOURCE_TYPE = "resource_type";
    public static final String RESOURCE_ID = "resource_id";
    public static final String RESOURCE_NAME = "resource_name";
    public static final String OPERATION = "operation";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String USER = "user";
    public static final String HOST = "host";
    public static final String SERVICE = "service";
    public static final String INTERFACE = "interface";

    // Domain keys
    public static final String POOL = "pool";
    public static final String DATASET = "dataset";
    public static final String SNAPSHOT = "snapshot";
    public static final String TRANSFER_ID = "transfer_id";
    public static final String SHARE_NAME = "share_name";
    public static final String DOMAIN = "domain";
    public static final String GROUP = "group";

    private Meta() {
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a metadata map in insertion order. Not thread-safe; the built map is immutable. */
    public static final class Builder {
        private final Map<String, String> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an entry; a later value for the same key replaces the earlier one.
         *
         * @throws IllegalArgumentException when the key or the value is null
         */
        public Builder put(String key, String value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("metadata key and value must not be null (key " + key + ")");
            }
            entries.put(key, value);
            return this;
        }

        /** Adds every entry of {@code metadata}; null adds nothing. */
        public Builder putAll(Map<String, String> metadata) {
            if (metadata != null) {
                metadata.forEach(this::put);
            }
            return this;
        }

        /** An immutable copy of the entries added so far. */
        public Map<String, String> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String toString() {
            return Objects.toString(entries);
        }
    }
}
