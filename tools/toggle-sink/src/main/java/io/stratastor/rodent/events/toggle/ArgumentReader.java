package io.stratastor.rodent.events.toggle;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks command-line arguments of the forms {@code --name value}, {@code --name=value} and
 * {@code --flag}. Error messages name options and positions, never values, which may be secrets.
 * Not thread-safe: one parse uses one reader.
 */
final class ArgumentReader {
    private final List<String> args;
    private final String accepted;
    private int next;
    private String inlineValue;

    /** @param accepted the accepted options, as listed in error messages */
    ArgumentReader(List<String> args, String accepted) {
        this.args = List.copyOf(args);
        this.accepted = accepted;
    }

    boolean hasNext() {
        return next < args.size();
    }

    /** The next option's name, e.g. {@code --port}. */
    String nextOption() throws UsageException {
        int position = next + 1;
        String arg = args.get(next++);
        if (!arg.startsWith("-")) {
            throw new UsageException("unexpected argument #" + position + "; accepted: " + accepted);
        }
        int equals = arg.indexOf('=');
        inlineValue = equals < 0 ? null : arg.substring(equals + 1);
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /** The value of the option just read, inline or the next argument. */
    String value(String option) throws UsageException {
        if (inlineValue != null) {
            return inlineValue;
        }
        if (!hasNext()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(next++);
    }

    /** Refuses a value given to a flag, e.g. {@code --quiet=yes}. */
    void flag(String option) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(option + " takes no value");
        }
    }

    UsageException unknown(String option) {
        return new UsageException("unknown option " + option + "; accepted: " + accepted);
    }

    /** Parses a file path; the message names the option. */
    static Path path(String option, String text) throws UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " expects a file path (" + e.getReason() + ")");
        }
    }

    /** Parses a whole number within bounds; the message names the option and the range. */
    static long number(String option, String text, long min, long max) throws UsageException {
        long number;
        try {
            number = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number from " + min + " to " + max);
        }
        if (number < min || number > max) {
            throw new UsageException(option + " expects a whole number from " + min + " to " + max + ", was " + number);
        }
        return number;
    }
}
