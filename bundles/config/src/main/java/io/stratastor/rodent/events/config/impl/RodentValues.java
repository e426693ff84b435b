package io.stratastor.rodent.events.config.impl;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a value of {@code rodent.yml} to what its key's PID property takes, accepting upstream
 * Rodent's forms as viper would read them: numbers written as strings ({@code "100"}), booleans as
 * {@code "true"} or {@code 1}, and, for a duration, a Go duration string ({@code "30s"},
 * {@code "500ms"}, {@code "1m30s"}) as well as seconds. No message holds the value (a
 * {@code toggle.jwt} is a secret): each names the key and the accepted forms. Stateless.
 */
final class RodentValues {
    // One Go duration term: a decimal number and a unit (time.ParseDuration's units).
    private static final Pattern DURATION_TERM = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern DURATION = Pattern.compile("[-+]?(?:" + DURATION_TERM.pattern() + ")+");
    private static final Map<String, BigDecimal> SECONDS_PER_UNIT = Map.of(
            "ns", new BigDecimal("1e-9"), "us", new BigDecimal("1e-6"), "µs", new BigDecimal("1e-6"),
            "μs", new BigDecimal("1e-6"), "ms", new BigDecimal("0.001"), "s", BigDecimal.ONE,
            "m", BigDecimal.valueOf(60), "h", BigDecimal.valueOf(3600));
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private RodentValues() {
    }

    /**
     * The property value for {@code value} (already a plain value, a {@code String[]} or a Long)
     * of a key of {@code kind}.
     *
     * @param where the file's name and the key as written ({@code rodent.yml: events.batchTimeout}), to start a message
     */
    static Object convert(RodentKeys.Kind kind, Object value, String where) throws RodentYamlException {
        return switch (kind) {
            case COUNT -> count(value, where);
            case BYTES -> bytes(value, where);
            case SECONDS -> seconds(value, where);
            case BOOLEAN, TOGGLE_ENABLE -> bool(value, where);
            case PLAIN -> single(value, where);
            case LIST, IGNORED -> value;
        };
    }

    // A list where one value goes would reach the core as its first item only: refused instead.
    private static Object single(Object value, String where) throws RodentYamlException {
        if (value instanceof String[]) {
            throw new RodentYamlException(where + " is a list; expected a single value");
        }
        return value;
    }

    private static Integer count(Object value, String where) throws RodentYamlException {
        Object number = value instanceof String text ? wholeNumber(text.trim()) : value;
        if (number instanceof Integer integer) {
            return integer;
        }
        if (number instanceof Long) {
            throw new RodentYamlException(where + " is out of range (at most " + Integer.MAX_VALUE + ")");
        }
        throw new RodentYamlException(where + " is not a whole number; expected a count such as 100");
    }

    private static Long bytes(Object value, String where) throws RodentYamlException {
        Object number = value instanceof String text ? wholeNumber(text.trim()) : value;
        if (number instanceof Integer || number instanceof Long) {
            return ((Number) number).longValue();
        }
        throw new RodentYamlException(where + " is not a whole number of bytes; expected a size in bytes such as 10485760");
    }

    private static Number seconds(Object value, String where) throws RodentYamlException {
        if (value instanceof Integer || value instanceof Long || value instanceof Double) {
            return (Number) value;
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (DECIMAL.matcher(trimmed).matches()) {
                return Double.valueOf(trimmed);
            }
            if (trimmed.equals("0") || DURATION.matcher(trimmed).matches()) {
                return goDurationSeconds(trimmed);
            }
        }
        throw new RodentYamlException(where + " is not a duration; expected seconds (30, 0.5) or a Go duration (30s, 500ms, 1m)");
    }

    private static Boolean bool(Object value, String where) throws RodentYamlException {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (value instanceof String || value instanceof Integer) {
            // strconv.ParseBool's forms, which viper accepts for a Go bool
            switch (text) {
                case "true", "t", "1" -> {
                    return Boolean.TRUE;
                }
                case "false", "f", "0" -> {
                    return Boolean.FALSE;
                }
                default -> {
                }
            }
        }
        throw new RodentYamlException(where + " is not true or false");
    }

    // Integer or Long, or null when the text is no whole number in range of a long.
    private static Number wholeNumber(String text) {
        try {
            long number = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            if (number == (int) number) {
                return Integer.valueOf((int) number);
            }
            return Long.valueOf(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds in a Go duration string ({@code time.ParseDuration}'s grammar), matched by {@link #DURATION} or "0". */
    static double goDurationSeconds(String duration) {
        String terms = duration.startsWith("-") || duration.startsWith("+") ? duration.substring(1) : duration;
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher term = DURATION_TERM.matcher(terms);
        while (term.find()) {
            seconds = seconds.add(new BigDecimal(term.group(1)).multiply(SECONDS_PER_UNIT.get(term.group(2))));
        }
        return duration.startsWith("-") ? -seconds.doubleValue() : seconds.doubleValue();
    }
}
