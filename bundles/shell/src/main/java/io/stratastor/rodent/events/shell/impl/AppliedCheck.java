package io.stratastor.rodent.events.shell.impl;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How {@code events:config} tells whether the core applied a new value: the
 * {@code EventSystem.stats()} figure that mirrors the key, and what it must read once applied. Only
 * keys whose effect is predictable have one: a zero or empty value means "the profile's value",
 * which the shell does not compute. Immutable.
 *
 * @param statKey the stats key that mirrors the configuration key
 * @param expected what the figure must read, normalised by {@link #normalise}
 */
record AppliedCheck(String statKey, String expected) {

    /** The check for setting {@code key} to {@code value} (as stored in Config Admin); empty when none is predictable. */
    static Optional<AppliedCheck> of(String key, Object value) {
        String text = text(value);
        return switch (key) {
            case "batch_size", "flush_threshold" -> positive(text).map(number -> new AppliedCheck(key, number));
            case "batch_timeout" -> positive(text).map(seconds -> new AppliedCheck("batch_timeout_seconds", seconds));
            case "profile" -> text.isBlank() ? Optional.empty() : Optional.of(new AppliedCheck("profile", text.trim()));
            case "enabled_levels", "enabled_categories" -> text.isBlank() ? Optional.empty()
                    : Optional.of(new AppliedCheck(key, normalise(key, text)));
            case "toggle.address" -> Optional.of(new AppliedCheck("toggle_address", text.trim()));
            // Never the token itself: the stats only say whether one is set.
            case "toggle.jwt" -> text.isBlank() ? Optional.empty() : Optional.of(new AppliedCheck("toggle_token", "set"));
            default -> Optional.empty();
        };
    }

    /** Whether the stats show the value applied. */
    boolean holds(Map<String, Object> stats) {
        Object figure = stats.get(statKey);
        return figure != null && normalise(statKey, text(figure)).equals(normalise(statKey, expected));
    }

    /** The figure as the stats show it now, {@code -} when absent. */
    String current(Map<String, Object> stats) {
        Object figure = stats.get(statKey);
        return figure == null || text(figure).isEmpty() ? "-" : text(figure);
    }

    // Numbers compare by value (1 and 1.0), lists as sets in lower case.
    private static String normalise(String key, String text) {
        if (key.startsWith("enabled_")) {
            Set<String> values = new TreeSet<>();
            for (String part : text.split(",")) {
                String value = part.trim().toLowerCase(Locale.ROOT);
                if (!value.isEmpty()) {
                    values.add(value.equals("warning") ? "warn" : value);
                }
            }
            return String.join(",", values);
        }
        try {
            return new java.math.BigDecimal(text.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }

    private static Optional<String> positive(String text) {
        try {
            return new java.math.BigDecimal(text.trim()).signum() > 0 ? Optional.of(text.trim()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A Config Admin or stats value as text; arrays and collections comma-separated. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(i == 0 ? "" : ",").append(java.lang.reflect.Array.get(value, i));
            }
            return text.toString();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
