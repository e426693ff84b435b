package io.stratastor.rodent.events.shell.karaf.action;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a Gogo command line, rebuilt from the options and arguments Karaf parsed, for the
 * shell's command to parse and check as it does under Gogo. Not thread-safe: one per call.
 */
final class Words {
    private final List<String> words = new ArrayList<>();

    /** {@code name value}, when {@code value} was given. */
    Words option(String name, String value) {
        if (value != null) {
            words.add(name);
            words.add(value);
        }
        return this;
    }

    /** {@code name} once per value. */
    Words repeated(String name, List<String> values) {
        if (values != null) {
            values.forEach(value -> option(name, value));
        }
        return this;
    }

    Words flag(String name, boolean given) {
        if (given) {
            words.add(name);
        }
        return this;
    }

    /** A positional word, when given. */
    Words word(String word) {
        if (word != null) {
            words.add(word);
        }
        return this;
    }

    /** Words as they were typed, when given. */
    Words words(List<String> typed) {
        if (typed != null) {
            words.addAll(typed);
        }
        return this;
    }

    String[] toArray() {
        return words.toArray(String[]::new);
    }
}
