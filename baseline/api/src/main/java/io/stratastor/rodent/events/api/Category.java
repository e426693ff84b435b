package io.stratastor.rodent.events.api;

import io.stratastor.rodent.events.proto.EventCategory;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The event categories, with the ids of the wire contract: the seed's eight, then the two that
 * generation 2025-12 added. Generation 2025-09 has no number for {@code USAGE} and
 * {@code DATA_TRANSFER}: there they travel as {@code SYSTEM} and {@code STORAGE}, the dotted type
 * naming the category (docs/WIRE.md).
 */
public enum Category {
    SYSTEM(1, EventCategory.EVENT_CATEGORY_SYSTEM),
    STORAGE(2, EventCategory.EVENT_CATEGORY_STORAGE),
    NETWORK(3, EventCategory.EVENT_CATEGORY_NETWORK),
    SECURITY(4, EventCategory.EVENT_CATEGORY_SECURITY),
    SERVICE(5, EventCategory.EVENT_CATEGORY_SERVICE),
    IDENTITY(6, EventCategory.EVENT_CATEGORY_IDENTITY),
    ACCESS(7, EventCategory.EVENT_CATEGORY_ACCESS),
    SHARING(8, EventCategory.EVENT_CATEGORY_SHARING),
    USAGE(9, EventCategory.EVENT_CATEGORY_USAGE),
    DATA_TRANSFER(10, EventCategory.EVENT_CATEGORY_DATA_TRANSFER);

    private final int id;
    private final EventCategory wire;

    Category(int id, EventCategory wire) {
        this.id = id;
        this.wire = wire;
    }

    /** The id of the wire contract, 1 to 10. */
    public int id() {
        return id;
    }

    /** The value this category travels as. */
    public EventCategory wireValue() {
        return wire;
    }

    /** The lower-case name, which is also the first segment of the category's event types. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category of a wire value. */
    public static Category of(EventCategory wire) {
        for (Category category : values()) {
            if (category.wire == wire) {
                return category;
            }
        }
        throw new IllegalArgumentException("no category for " + wire + "; expected one of " + Arrays.toString(values()));
    }

    /**
     * Parses a category name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Category parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Category category : values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Category::label).collect(Collectors.joining(", ")));
    }
}
