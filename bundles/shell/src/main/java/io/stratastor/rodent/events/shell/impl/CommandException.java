package io.stratastor.rodent.events.shell.impl;

/**
 * A command refused its arguments. The message is the single line the operator sees, saying what
 * was wrong and what is accepted; commands turn it into their {@code error: } result. Immutable.
 */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message, null, false, false);
    }
}
