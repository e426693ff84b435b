package io.stratastor.rodent.events.api;

import io.stratastor.rodent.events.proto.EventLevel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The severity of an event, lowest first. */
public enum Level {
    INFO(EventLevel.EVENT_LEVEL_INFO),
    WARN(EventLevel.EVENT_LEVEL_WARN),
    ERROR(EventLevel.EVENT_LEVEL_ERROR),
    CRITICAL(EventLevel.EVENT_LEVEL_CRITICAL);

    private final EventLevel wire;

    Level(EventLevel wire) {
        this.wire = wire;
    }

    /** The value this level travels as. */
    public EventLevel wireValue() {
        return wire;
    }

    /** The configuration and shell spelling: {@code info}, {@code warn}, {@code error}, {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level of a wire value. */
    public static Level of(EventLevel wire) {
        for (Level level : values()) {
            if (level.wire == wire) {
                return level;
            }
        }
        throw new IllegalArgumentException("no level for " + wire + "; expected one of " + Arrays.toString(values()));
    }

    /**
     * Parses a level name, case-insensitively; {@code warning} is taken for {@code warn}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Level parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (name.equals("WARNING")) {
            return WARN;
        }
        for (Level level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Level::label).collect(Collectors.joining(", ")));
    }
}
