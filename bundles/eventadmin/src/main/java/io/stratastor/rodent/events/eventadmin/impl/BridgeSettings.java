package io.stratastor.rodent.events.eventadmin.impl;

/**
 * One configuration of the bridge, validated: which events go out and how many may wait. Immutable;
 * thread-safe.
 */
final class BridgeSettings {
    static final int MAX_QUEUE_CAPACITY = 1_000_000;

    private final EventSelection selection;
    private final int queueCapacity;

    private BridgeSettings(EventSelection selection, int queueCapacity) {
        this.selection = selection;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Reads a configuration.
     *
     * @throws IllegalArgumentException naming the first key whose value is refused and what it accepts
     */
    static BridgeSettings of(EventAdminBridge.Config config) {
        EventSelection selection = EventSelection.of(config.types(), config.categories(), config.min__level());
        int capacity = config.queue__capacity();
        if (capacity < 1 || capacity > MAX_QUEUE_CAPACITY) {
            throw new IllegalArgumentException("queue_capacity must be from 1 to " + MAX_QUEUE_CAPACITY + ", got " + capacity);
        }
        return new BridgeSettings(selection, capacity);
    }

    /** The settings of an empty configuration: every event, {@link EventAdminBridge#DEFAULT_QUEUE_CAPACITY} waiting. */
    static BridgeSettings defaults() {
        return new BridgeSettings(EventSelection.of(new String[] {EventSelection.ALL_TYPES}, new String[0], ""),
                EventAdminBridge.DEFAULT_QUEUE_CAPACITY);
    }

    EventSelection selection() {
        return selection;
    }

    int queueCapacity() {
        return queueCapacity;
    }
}
