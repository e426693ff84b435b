package io.stratastor.rodent.events.shell.impl;

/**
 * How the {@code events:*} commands report a refusal: as their result, one line starting with
 * {@value #ERROR_PREFIX}, rather than by throwing. Gogo 1.1's console prints a thrown exception as
 * {@code gogo: IllegalArgumentException: <message>} (and keeps it for {@code $exception}), which
 * puts the class name before what the operator needs; a returned line is printed as it is. Scripted
 * callers (the distribution's {@code --script}) treat a result starting with the prefix as a
 * failed command. Stateless.
 */
final class CommandResults {
    /** Starts every refusal. */
    static final String ERROR_PREFIX = "error: ";

    private CommandResults() {
    }

    static String error(String message) {
        return ERROR_PREFIX + oneLine(message);
    }

    /** The text on a single line: line breaks and the blanks around them become one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
