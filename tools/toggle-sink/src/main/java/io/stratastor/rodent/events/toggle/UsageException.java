package io.stratastor.rodent.events.toggle;

/** A command line the CLI cannot run, with a one-line message naming the accepted values and never a secret; immutable. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
