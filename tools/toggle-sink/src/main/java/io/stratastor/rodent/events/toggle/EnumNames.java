package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import java.util.Locale;

/** Names of an event's level and category, falling back to the number for values this schema does not know; stateless. */
final class EnumNames {
    private static final String LEVEL_PREFIX = "EVENT_LEVEL_";
    private static final String CATEGORY_PREFIX = "EVENT_CATEGORY_";

    private EnumNames() {
    }

    /** The proto name, e.g. {@code EVENT_LEVEL_INFO}. */
    static String level(Event event) {
        return event.getLevel() == EventLevel.UNRECOGNIZED ? String.valueOf(event.getLevelValue()) : event.getLevel().name();
    }

    /** The proto name, e.g. {@code EVENT_CATEGORY_STORAGE}. */
    static String category(Event event) {
        return event.getCategory() == EventCategory.UNRECOGNIZED ? String.valueOf(event.getCategoryValue()) : event.getCategory().name();
    }

    /** The short form, e.g. {@code INFO}. */
    static String shortLevel(Event event) {
        return level(event).replaceFirst("^" + LEVEL_PREFIX, "");
    }

    /** The short form, e.g. {@code storage}. */
    static String shortCategory(Event event) {
        return category(event).replaceFirst("^" + CATEGORY_PREFIX, "").toLowerCase(Locale.ROOT);
    }
}
