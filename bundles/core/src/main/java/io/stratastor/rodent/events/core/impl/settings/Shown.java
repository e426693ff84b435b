package io.stratastor.rodent.events.core.impl.settings;

/** How a refused configuration value appears in a message: quoted, and cut when long. Stateless. */
final class Shown {
    private static final int MAX_SHOWN = 48;

    private Shown() {
    }

    /** {@code 'value'}, or its first characters and its length when it is longer than a message should carry. */
    static String quoted(String value) {
        String text = value == null ? "" : value;
        if (text.length() <= MAX_SHOWN) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_SHOWN) + "…' (" + text.length() + " characters)";
    }
}
