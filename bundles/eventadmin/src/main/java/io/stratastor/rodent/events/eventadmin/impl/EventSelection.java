package io.stratastor.rodent.events.eventadmin.impl;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which accepted events go out to Event Admin: a type matching one of the {@code types} patterns, a
 * category among {@code categories} (all when none), a level at or above {@code min_level}. A type
 * pattern is a glob ({@code *} any run of characters, dots included; {@code ?} one character) or,
 * without wildcards, a type and every type below it ({@code storage.pool}), as
 * {@code events:tail --type} reads it. Each type's answer is remembered, so the emitting thread
 * pays a map lookup. Immutable but for that memo; thread-safe.
 */
final class EventSelection {
    static final String ALL_TYPES = "*";
    // Legacy types are open-ended: past this many, answers are computed, not remembered.
    private static final int MAX_REMEMBERED = 4096;
    private static final Pattern TYPE_PATTERN = Pattern.compile("[a-z0-9_.*?]+");
    // Lowest first; ESSENTIAL ranks with ERROR, as the spool's overflow ranks them.
    private static final List<Set<Level>> RANKS = List.of(EnumSet.of(Level.TRACE), EnumSet.of(Level.DEBUG), EnumSet.of(Level.INFO),
            EnumSet.of(Level.WARN), EnumSet.of(Level.ERROR, Level.ESSENTIAL), EnumSet.of(Level.CRITICAL));

    private final List<Pattern> types;
    private final Set<Category> categories;
    private final int lowestRank;
    private final Map<String, Boolean> typeAnswers = new ConcurrentHashMap<>();

    private EventSelection(List<Pattern> types, Set<Category> categories, int lowestRank) {
        this.types = types;
        this.categories = categories;
        this.lowestRank = lowestRank;
    }

    /**
     * Reads the three filter keys.
     *
     * @throws IllegalArgumentException naming the key, the value and what it accepts
     */
    static EventSelection of(String[] typePatterns, String[] categoryNames, String minLevel) {
        List<Pattern> types = new ArrayList<>();
        for (String pattern : typePatterns == null ? new String[0] : typePatterns) {
            String normalised = pattern == null ? "" : pattern.trim().toLowerCase(Locale.ROOT);
            if (!TYPE_PATTERN.matcher(normalised).matches()) {
                throw new IllegalArgumentException("types: '" + pattern + "' is not a dotted type, a dotted prefix (storage.pool)"
                        + " or a glob with * and ? (storage.*.created)");
            }
            types.add(compile(normalised));
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : categoryNames == null ? new String[0] : categoryNames) {
            try {
                categories.add(Category.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("categories: " + e.getMessage(), e);
            }
        }
        int lowestRank;
        try {
            lowestRank = minLevel == null || minLevel.isBlank() ? 0 : rank(Level.parse(minLevel));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("min_level: " + e.getMessage(), e);
        }
        return new EventSelection(List.copyOf(types), categories.isEmpty() ? EnumSet.allOf(Category.class) : categories, lowestRank);
    }

    /** Whether an event of this type, category and level goes out. */
    boolean selects(String eventType, Category category, Level level) {
        return categories.contains(category) && (level == null || rank(level) >= lowestRank) && selectsType(eventType);
    }

    private boolean selectsType(String eventType) {
        Boolean known = typeAnswers.get(eventType);
        if (known != null) {
            return known;
        }
        boolean answer = types.stream().anyMatch(pattern -> pattern.matcher(eventType).matches());
        if (typeAnswers.size() < MAX_REMEMBERED) {
            typeAnswers.put(eventType, answer);
        }
        return answer;
    }

    private static int rank(Level level) {
        for (int rank = 0; rank < RANKS.size(); rank++) {
            if (RANKS.get(rank).contains(level)) {
                return rank;
            }
        }
        throw new IllegalArgumentException("no rank for level " + level);
    }

    // A pattern without wildcards also stands for the types below it: storage.pool matches storage.pool.created.
    private static Pattern compile(String pattern) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            String prefix = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
            return Pattern.compile(Pattern.quote(prefix) + "(\\..*)?");
        }
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex);
    }
}
