package io.stratastor.rodent.events.config.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys the bridge accepts under {@code events:} and {@code toggle:} of {@code rodent.yml}, each
 * with the property of PID {@code rodent.events} it sets, the kind of value it takes and its
 * spellings. A key is found by its name lower-cased with underscores removed, so our snake_case
 * ({@code batch_size}), upstream Rodent's camelCase ({@code batchSize}) and any case of either
 * ({@code BatchSize}, as viper reads them) find the same key. Immutable and thread-safe.
 */
final class RodentKeys {
    /** What a key's value is, and so how it is converted. */
    enum Kind {
        /** Any plain value, as it is. */
        PLAIN,
        /** A whole number of events or attempts. */
        COUNT,
        /** Bytes. */
        BYTES,
        /** Seconds, or a Go duration ({@code 30s}, {@code 500ms}, {@code 1m}). */
        SECONDS,
        /** true or false. */
        BOOLEAN,
        /** A list, or one comma-separated string. */
        LIST,
        /** {@code toggle.enable}: false leaves {@code toggle.address} out. Sets no property. */
        TOGGLE_ENABLE,
        /** Accepted and ignored ({@code toggle.baseURL}). Sets no property. */
        IGNORED
    }

    /**
     * One accepted key: its section ({@code events} or {@code toggle}), the PID property it sets (for
     * kinds that set none, the name it is reported by), its kind, and the names it is documented
     * under, ours first (any case of them is accepted). Immutable; identity is equality, as each
     * key exists once, in the table.
     */
    static final class Key {
        private final String section;
        private final String property;
        private final Kind kind;
        private final List<String> spellings;

        Key(String section, String property, Kind kind, List<String> spellings) {
            this.section = section;
            this.property = property;
            this.kind = kind;
            this.spellings = List.copyOf(spellings);
        }

        String section() {
            return section;
        }

        String property() {
            return property;
        }

        Kind kind() {
            return kind;
        }

        List<String> spellings() {
            return spellings;
        }

        /** The key as the file spells it, for messages: {@code events.batchSize}. */
        String path(String spelling) {
            return section + "." + spelling;
        }

        @Override
        public String toString() {
            return property;
        }
    }

    private static final List<Key> KEYS = List.of(
            events("profile", Kind.PLAIN),
            events("buffer_size", Kind.COUNT),
            events("flush_threshold", Kind.COUNT),
            events("batch_size", Kind.COUNT),
            events("batch_timeout", Kind.SECONDS),
            events("enabled_levels", Kind.LIST),
            events("enabled_categories", Kind.LIST),
            events("max_retry_attempts", Kind.COUNT),
            events("retry_backoff_base", Kind.SECONDS),
            events("retry_backoff_max", Kind.SECONDS),
            events("max_file_size", Kind.BYTES),
            events("shutdown_timeout", Kind.SECONDS),
            events("replay_rate", Kind.COUNT),
            events("spool_directory", Kind.PLAIN),
            events("spool_capacity", Kind.BYTES),
            events("fsync_policy", Kind.PLAIN),
            events("fsync_interval", Kind.SECONDS),
            events("overflow_policy", Kind.PLAIN),
            events("redact_keys", Kind.LIST),
            toggle("address", Kind.PLAIN, "rpcAddr"),
            toggle("jwt", Kind.PLAIN),
            toggle("jwt_file", Kind.PLAIN),
            toggle("tls", Kind.BOOLEAN),
            toggle("ca_file", Kind.PLAIN),
            toggle("cert_file", Kind.PLAIN),
            toggle("key_file", Kind.PLAIN),
            toggle("deadline", Kind.SECONDS),
            toggle("schema", Kind.PLAIN),
            toggle("compression", Kind.PLAIN),
            new Key(RodentYamlMapper.TOGGLE_SECTION, "toggle.enable", Kind.TOGGLE_ENABLE, List.of("enable", "enabled")),
            new Key(RodentYamlMapper.TOGGLE_SECTION, "toggle.baseURL", Kind.IGNORED, List.of("baseURL")));

    private RodentKeys() {
    }

    /** Every accepted key, events first, in the order of the metatype. */
    static List<Key> all() {
        return KEYS;
    }

    /** The key whose PID property is {@code property} ({@code batch_size}, {@code toggle.tls}), as a .cfg names it. */
    static Optional<Key> byProperty(String property) {
        return KEYS.stream().filter(key -> key.property().equals(property)).findFirst();
    }

    /** The key {@code name} of {@code section} spells, whatever its case and underscores. */
    static Optional<Key> find(String section, String name) {
        String wanted = normalized(name);
        return KEYS.stream()
                .filter(key -> key.section().equals(section))
                .filter(key -> key.spellings().stream().anyMatch(spelling -> normalized(spelling).equals(wanted)))
                .findFirst();
    }

    /** The spelling of a key of {@code section} nearest to {@code name}, by edit distance ignoring case. */
    static String nearest(String section, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Key key : KEYS) {
            if (!key.section().equals(section)) {
                continue;
            }
            for (String spelling : key.spellings()) {
                int distance = editDistance(wanted, spelling.toLowerCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = spelling;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Key events(String snake, Kind kind) {
        return new Key(RodentYamlMapper.EVENTS_SECTION, snake, kind, spellings(snake));
    }

    private static Key toggle(String snake, Kind kind, String... upstream) {
        List<String> spellings = new ArrayList<>(spellings(snake));
        spellings.addAll(List.of(upstream));
        return new Key(RodentYamlMapper.TOGGLE_SECTION, RodentYamlMapper.TOGGLE_PREFIX + snake, kind, spellings);
    }

    // The snake_case name and, when it differs, its camelCase form, upstream Rodent's style.
    private static List<String> spellings(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString().equals(snake) ? List.of(snake) : List.of(snake, camel.toString());
    }
}
