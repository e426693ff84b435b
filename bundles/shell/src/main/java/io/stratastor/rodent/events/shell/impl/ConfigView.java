package io.stratastor.rodent.events.shell.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The effective configuration {@code events:config} prints: one {@code key value from} row per
 * key, the value set in Config Admin or else the metatype default, secrets as {@code set}/{@code not set}.
 * Stateless.
 */
final class ConfigView {
    static final Set<String> MANAGED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation");

    private ConfigView() {
    }

    /**
     * @param stored the PID's Config Admin properties, null when it has none
     * @param schema the PID's metatype, when known
     */
    static String render(String pid, Dictionary<String, Object> stored, Optional<ConfigSchema> schema) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"key", "value", "from"});
        Set<String> storedKeys = new TreeSet<>(stored == null ? List.of() : Collections.list(stored.keys()));
        storedKeys.removeAll(MANAGED);
        if (schema.isPresent()) {
            for (ConfigSchema.Attribute attribute : schema.get().attributes().values()) {
                boolean set = storedKeys.remove(attribute.id());
                Object value = set ? stored.get(attribute.id()) : String.join(",", attribute.defaults());
                rows.add(new String[] {attribute.id(), display(attribute.id(), value, attribute.secret()), set ? "set" : "default"});
            }
        }
        for (String key : storedKeys) {
            rows.add(new String[] {key, display(key, stored.get(key), false), schema.isPresent() ? "set, unknown to the metatype" : "set"});
        }
        String header = "configuration " + pid + ": " + (schema.isPresent()
                ? "Config Admin values over the metatype defaults of " + schema.get().source()
                : "no metatype found for " + pid + " (core or Felix Metatype not active?): the stored values only");
        if (rows.size() == 1) {
            return header + "\nnothing is set";
        }
        boolean rodentKeys = schema.isPresent() && schema.get().attributes().containsKey("buffer_size");
        return header + "\n" + table(rows) + (rodentKeys ? RODENT_KEYS : "");
    }

    // Upstream Rodent's keys that a durable spool cannot give their Rodent meaning (docs/IMPLEMENTATION.md).
    static final String RODENT_KEYS = "\nRodent's keys that mean something else here, with a durable spool:"
            + "\n  buffer_size (bufferSize)          events the shipper holds in memory at once, not a bound on what is kept:"
            + " the spool keeps up to spool_capacity bytes"
            + "\n  flush_threshold (flushThreshold)  pending events at which batches ship without waiting for batch_timeout;"
            + " every event is on disk as soon as it is emitted"
            + "\n  max_file_size (maxFileSize)       bytes per spool segment file (read at the core's start)";

    /** The value as shown: a secret as {@code set}/{@code not set}, lists comma-separated, empty as {@code -}. */
    static String display(String key, Object value, boolean secret) {
        String text = CommandResults.oneLine(AppliedCheck.text(value));
        if (secret || key.equals(ConfigCommand.JWT)) {
            return text.isEmpty() ? "not set" : "set";
        }
        return text.isEmpty() ? "-" : text;
    }

    private static String table(List<String[]> rows) {
        int keyWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        int valueWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            text.append(text.length() == 0 ? "" : "\n").append(row[0]).append(" ".repeat(keyWidth - row[0].length() + 2))
                    .append(row[1]).append(" ".repeat(valueWidth - row[1].length() + 2)).append(row[2]);
        }
        return text.toString();
    }
}
