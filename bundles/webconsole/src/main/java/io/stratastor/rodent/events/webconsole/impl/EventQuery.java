package io.stratastor.rodent.events.webconsole.impl;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventLevel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The event list's filter, from the page's form, with the meanings of {@code events:tail}: {@code n}
 * the most shown, {@code level} the lowest level shown, {@code category} one category, {@code type} a
 * dotted type, dotted prefix or glob ({@code *}, {@code ?}). An empty field is no filter. Immutable.
 *
 * @param level the lowest level shown, or null for all
 * @param category the one category shown, or null for all
 * @param type the type pattern, lower case, or null for all
 */
record EventQuery(int limit, Level level, Category category, String type) {
    static final int DEFAULT_LIMIT = 50;
    static final EventQuery ALL = new EventQuery(DEFAULT_LIMIT, null, null, null);
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.*?]+");
    // Lowest first; ERROR and ESSENTIAL rank together, as events:tail and the spool's overflow rank them.
    private static final List<List<Level>> RANKS = List.of(List.of(Level.TRACE), List.of(Level.DEBUG), List.of(Level.INFO),
            List.of(Level.WARN), List.of(Level.ERROR, Level.ESSENTIAL), List.of(Level.CRITICAL));

    /**
     * Reads the form's fields.
     *
     * @throws IllegalArgumentException naming the field, what it takes and what it got
     */
    static EventQuery of(Map<String, String> form) {
        String n = field(form, "n");
        int limit = DEFAULT_LIMIT;
        if (n != null) {
            try {
                limit = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > RecentEventsRing.MAX_KEPT) {
                throw new IllegalArgumentException("n takes a whole number from 1 to " + RecentEventsRing.MAX_KEPT + ", got '" + n + "'");
            }
        }
        String level = field(form, "level");
        String category = field(form, "category");
        String type = field(form, "type");
        if (type != null) {
            type = type.toLowerCase(Locale.ROOT);
            if (!TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("type takes a dotted type, a dotted prefix (storage.pool) or a glob with * and ?"
                        + " (storage.*.created), got '" + field(form, "type") + "'");
            }
        }
        return new EventQuery(limit, level == null ? null : Level.parse(level), category == null ? null : Category.parse(category), type);
    }

    private static String field(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The filters as one predicate over envelopes. */
    Predicate<Event> filter() {
        Predicate<String> typeMatch = type == null ? any -> true : typeMatcher(type);
        int lowest = level == null ? -1 : rank(level);
        return event -> (lowest < 0 || rank(event.getLevel()) >= lowest)
                && (category == null || event.getCategory() == category.wireValue())
                && typeMatch.test(event.getEventType());
    }

    /** The levels lowest first, as the level filter offers them. */
    static List<Level> levelsByRank() {
        return RANKS.stream().flatMap(List::stream).toList();
    }

    static int rank(Level level) {
        for (int rank = 0; rank < RANKS.size(); rank++) {
            if (RANKS.get(rank).contains(level)) {
                return rank;
            }
        }
        throw new IllegalArgumentException("no rank for level " + level);
    }

    // An envelope without a known level passes no level filter.
    private static int rank(EventLevel wire) {
        return wire == EventLevel.EVENT_LEVEL_UNSPECIFIED || wire == EventLevel.UNRECOGNIZED ? -1 : rank(Level.of(wire));
    }

    // Without a wildcard, the type and the types below it; with one, a glob whose * spans dots.
    static Predicate<String> typeMatcher(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            String below = pattern.endsWith(".") ? pattern : pattern + ".";
            return type -> type.equals(pattern) || type.startsWith(below);
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex).asMatchPredicate();
    }
}
