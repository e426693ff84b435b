package io.stratastor.rodent.events.shell.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The arguments of an {@code events:*} command, parsed against the options it takes: flags, options
 * with one value ({@code --name value} or {@code --name=value}) and positional words, in any order.
 * Commands parse their {@code String...} with this rather than Gogo's {@code @Parameter}, which
 * answers a missing value, an unknown option or a bad number with its own
 * {@code Cannot coerce ...} exception instead of the command's {@code error: } line. Immutable.
 */
final class CommandArgs {
    /**
     * One option of a command.
     *
     * @param name the long name, e.g. {@code --follow}; also the key values are read under
     * @param alias a short name such as {@code -f}, or null
     * @param takesValue whether a value follows
     */
    record Option(String name, String alias, boolean takesValue) {
        static Option flag(String name, String alias) {
            return new Option(name, alias, false);
        }

        static Option value(String name, String alias) {
            return new Option(name, alias, true);
        }
    }

    private final Map<String, String> values;
    private final List<String> positional;

    private CommandArgs(Map<String, String> values, List<String> positional) {
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
    }

    /**
     * Parses {@code args}.
     *
     * @param usage the command's usage line, appended to messages about the command line's shape
     * @throws CommandException on an unknown or repeated option, a missing value or a value given to a flag
     */
    static CommandArgs parse(String[] args, List<Option> options, String usage) throws CommandException {
        Map<String, Option> byName = new HashMap<>();
        for (Option option : options) {
            byName.put(option.name(), option);
            if (option.alias() != null) {
                byName.put(option.alias(), option);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; args != null && i < args.length; i++) {
            String arg = args[i] == null ? "" : args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Option option = byName.get(name);
            if (option == null) {
                throw new CommandException("unknown option '" + name + "'; accepted: " + accepted(options));
            }
            String value = "";
            if (option.takesValue()) {
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length && args[i + 1] != null) {
                    value = args[++i];
                } else {
                    throw new CommandException("option " + name + " needs a value; " + usage);
                }
            } else if (equals >= 0) {
                throw new CommandException("option " + name + " takes no value; " + usage);
            }
            if (values.putIfAbsent(option.name(), value) != null) {
                throw new CommandException("option " + option.name() + " given twice; give it once");
            }
        }
        return new CommandArgs(values, positional);
    }

    private static String accepted(List<Option> options) {
        return options.stream()
                .map(option -> (option.alias() == null ? "" : option.alias() + "/") + option.name() + (option.takesValue() ? " VALUE" : ""))
                .collect(Collectors.joining(", "));
    }

    /** Whether the option (by its long name) was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value, or {@code absent} when it was not given. */
    String value(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    /** The words that are no option and no option's value, in order. */
    List<String> positional() {
        return positional;
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @throws CommandException naming the option, the range and what was given
     */
    static int wholeNumber(String option, String text, int min, int max) throws CommandException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what is accepted.
        }
        throw new CommandException(option + " takes a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    /**
     * A number of seconds, fractions allowed, from 0 to {@code max}, as milliseconds.
     *
     * @throws CommandException naming the option, the range and what was given
     */
    static long seconds(String option, String text, long max) throws CommandException {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return seconds.movePointRight(3).longValue();
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below, which says what is accepted.
        }
        throw new CommandException(option + " takes seconds from 0 to " + max + " (fractions allowed, e.g. 2.5), got '" + text + "'");
    }
}
