package io.stratastor.rodent.events.launcher;

/** A command line the launcher cannot run; the message is the one line shown before the usage hint. Immutable. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
