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
    /** Characters of a refusal at most: an argument of 100 000 characters is not printed back whole. */
    static final int MAX_ERROR_CHARS = 1000;

    private CommandResults() {
    }

    static String error(String message) {
        return ERROR_PREFIX + printable(oneLine(message));
    }

    // An argument echoed in a refusal may hold terminal escapes: they are shown escaped, never sent to the terminal.
    static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && shown.length() < MAX_ERROR_CHARS; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i == text.length() ? shown.toString() : shown + "… (" + text.length() + " characters)";
    }

    /** The text on a single line: line breaks and the blanks around them become one space. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
