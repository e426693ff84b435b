package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The arguments of {@code events:tail}, parsed and checked, and the filter they make. Immutable.
 *
 * @param lines how many kept events to show (before following, with {@code -f})
 * @param follow whether to go on with new events until interrupted
 * @param level the lowest level shown ({@link #severity}), or null for all
 * @param category the one category shown, or null for all
 * @param typePattern the {@code --type} pattern as given, or null
 */
record TailRequest(int lines, boolean follow, Level level, Category category, String typePattern) {
    static final String USAGE = "usage: events:tail [-n N] [-f] [--level trace|debug|info|warn|error|essential|critical] [--category C]"
            + " [--type PATTERN]";
    static final int DEFAULT_LINES = 20;
    static final List<CommandArgs.Option> OPTIONS = List.of(
            CommandArgs.Option.value("--lines", "-n"),
            CommandArgs.Option.flag("--follow", "-f"),
            CommandArgs.Option.value("--level", null),
            CommandArgs.Option.value("--category", null),
            CommandArgs.Option.value("--type", null));
    private static final Pattern TYPE_PATTERN = Pattern.compile("[a-z0-9_.*?]+");

    /**
     * Parses the arguments; the message of the exception is the operator's one line.
     *
     * @throws CommandException on an unknown option, a bad number, level, category or pattern, or a
     *     positional argument
     */
    static TailRequest parse(String... args) throws CommandException {
        CommandArgs parsed = CommandArgs.parse(args, OPTIONS, USAGE);
        if (!parsed.positional().isEmpty()) {
            throw new CommandException("unexpected argument '" + parsed.positional().get(0) + "'; " + USAGE);
        }
        int lines = CommandArgs.wholeNumber("-n", parsed.value("--lines", String.valueOf(DEFAULT_LINES)), 0, RecentEvents.MAX_TAIL_SIZE);
        Level level = null;
        Category category = null;
        try {
            if (parsed.has("--level")) {
                level = Level.parse(parsed.value("--level", ""));
            }
            if (parsed.has("--category")) {
                category = Category.parse(parsed.value("--category", ""));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        String type = parsed.value("--type", null);
        if (type != null && !TYPE_PATTERN.matcher(type.trim().toLowerCase(Locale.ROOT)).matches()) {
            throw new CommandException("--type takes a dotted type, a dotted prefix (storage.pool) or a glob with * and ?"
                    + " (quote it in Gogo: --type 'storage.*.created'), got '" + type + "'");
        }
        return new TailRequest(lines, parsed.has("--follow"), level, category, type == null ? null : type.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether the event passes every filter given. */
    boolean matches(Event event) {
        return filter().test(event);
    }

    /** The filters given, as one predicate; the type pattern is compiled once. */
    Predicate<Event> filter() {
        Predicate<String> type = typePattern == null ? any -> true : typeFilter(typePattern);
        int lowest = level == null ? -1 : severity(level);
        return event -> (lowest < 0 || severity(event.getLevel()) >= lowest)
                && (category == null || event.getCategory() == category.wireValue())
                && type.test(event.getEventType());
    }

    /**
     * A level's rank for {@code --level}, lowest first: TRACE, DEBUG, INFO, WARN, then ERROR and
     * ESSENTIAL together (as the spool's overflow and the minimal profile rank them), then CRITICAL.
     */
    static int severity(Level level) {
        return switch (level) {
            case TRACE -> 0;
            case DEBUG -> 1;
            case INFO -> 2;
            case WARN -> 3;
            case ERROR, ESSENTIAL -> 4;
            case CRITICAL -> 5;
        };
    }

    // An event without a known level is below every --level.
    private static int severity(EventLevel wire) {
        return wire == EventLevel.EVENT_LEVEL_UNSPECIFIED || wire == EventLevel.UNRECOGNIZED ? -1 : severity(Level.of(wire));
    }

    /**
     * Which dotted types {@code pattern} matches: as a glob ({@code *} any run of characters, dots
     * included; {@code ?} one character), or, without wildcards, the type itself and the types below
     * it as a dotted prefix ({@code storage.pool} matches {@code storage.pool.created}).
     */
    static Predicate<String> typeFilter(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            String prefix = pattern.endsWith(".") ? pattern : pattern + ".";
            return type -> type.equals(pattern) || type.startsWith(prefix);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString()).asMatchPredicate();
    }
}
