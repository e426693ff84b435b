package io.stratastor.rodent.events.api;

import io.stratastor.rodent.events.proto.EventLevel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The level of an event, in the order of its wire numbers: the seed's four severities, lowest
 * first, then the three generation 2025-12 added. {@code ESSENTIAL} marks an event the node must
 * report whatever its severity; {@code DEBUG} and {@code TRACE} are diagnostic detail, shipped only
 * where {@code enabled_levels} asks for them. Generation 2025-09 has no number for the last three:
 * there they travel as {@code INFO}, the level named in {@code metadata["rodent.level"]}
 * (docs/WIRE.md).
 */
public enum Level {
    INFO(EventLevel.EVENT_LEVEL_INFO),
    WARN(EventLevel.EVENT_LEVEL_WARN),
    ERROR(EventLevel.EVENT_LEVEL_ERROR),
    CRITICAL(EventLevel.EVENT_LEVEL_CRITICAL),
    ESSENTIAL(EventLevel.EVENT_LEVEL_ESSENTIAL),
    DEBUG(EventLevel.EVENT_LEVEL_DEBUG),
    TRACE(EventLevel.EVENT_LEVEL_TRACE);

    private final EventLevel wire;

    Level(EventLevel wire) {
        this.wire = wire;
    }

    /** The value this level travels as. */
    public EventLevel wireValue() {
        return wire;
    }

    /** The level's wire number, the same in the node's envelope and in generation 2025-12: 1 to 7. */
    public int number() {
        return wire.getNumber();
    }

    /** The configuration and shell spelling: {@code info}, {@code warn}, … {@code trace}. */
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
