package io.stratastor.rodent.events.shell.impl;

/**
 * Bounds the {@code --payload} text before any parser sees it, in one pass: its length, its nesting
 * (a parser that recurses would overflow the stack on 100 000 brackets) and its Unicode (a lone
 * surrogate cannot be encoded as UTF-8 and would reach Toggle as {@code ?}). Stateless.
 */
final class JsonBounds {
    /** Characters of {@code --payload} at most: several times the core's 64 KiB payload limit. */
    static final int MAX_CHARS = 256 * 1024;
    /** Objects and arrays nested in one another at most. */
    static final int MAX_DEPTH = 32;

    private JsonBounds() {
    }

    /** @throws CommandException naming the bound {@code json} exceeds */
    static void check(String json) throws CommandException {
        if (json.length() > MAX_CHARS) {
            throw new CommandException("--payload is " + json.length() + " characters; expected at most " + MAX_CHARS);
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new CommandException("--payload holds a lone surrogate (" + String.format("U+%04X", (int) c) + ") at index " + i
                        + "; expected valid Unicode text");
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new CommandException("--payload nests objects and arrays deeper than " + MAX_DEPTH + " levels (at index " + i
                            + "); expected at most " + MAX_DEPTH);
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
