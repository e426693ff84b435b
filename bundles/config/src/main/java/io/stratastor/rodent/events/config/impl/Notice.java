package io.stratastor.rodent.events.config.impl;

import java.util.Objects;

/**
 * One line the bridge logs about a {@code rodent.yml} it applied: an INFO or a WARN. The message
 * names keys, never their values. Immutable. (A class, not a record: a record would make the
 * bundle import {@code java.lang.runtime}.)
 */
final class Notice {
    private final boolean warning;
    private final String message;

    private Notice(boolean warning, String message) {
        this.warning = warning;
        this.message = message;
    }

    static Notice info(String message) {
        return new Notice(false, message);
    }

    static Notice warn(String message) {
        return new Notice(true, message);
    }

    boolean warning() {
        return warning;
    }

    String message() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Notice notice && notice.warning == warning && notice.message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(warning, message);
    }

    @Override
    public String toString() {
        return (warning ? "WARN " : "INFO ") + message;
    }
}
