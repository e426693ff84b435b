package io.stratastor.rodent.events.toggle;

import io.stratastor.rodent.events.upstream.DecodedEvent;
import java.util.Locale;

/** Short names of an event's level and category, for people; stateless. */
final class EnumNames {
    private static final String LEVEL_PREFIX = "EVENT_LEVEL_";
    private static final String CATEGORY_PREFIX = "EVENT_CATEGORY_";

    private EnumNames() {
    }

    /** The short form, e.g. {@code INFO}. */
    static String shortLevel(DecodedEvent event) {
        return event.level().replaceFirst("^" + LEVEL_PREFIX, "");
    }

    /** The short form, e.g. {@code storage}. */
    static String shortCategory(DecodedEvent event) {
        return event.category().replaceFirst("^" + CATEGORY_PREFIX, "").toLowerCase(Locale.ROOT);
    }
}
