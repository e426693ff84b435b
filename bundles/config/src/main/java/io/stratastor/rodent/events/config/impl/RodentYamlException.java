package io.stratastor.rodent.events.config.impl;

/**
 * A {@code rodent.yml} that cannot be read or mapped. The message names the file and the problem on
 * one line and never holds a configuration value, only key names. Immutable.
 */
final class RodentYamlException extends Exception {
    private static final long serialVersionUID = 1L;

    RodentYamlException(String message) {
        super(message);
    }

    RodentYamlException(String message, Throwable cause) {
        super(message, cause);
    }
}
