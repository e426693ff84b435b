package io.stratastor.rodent.events.eventadmin.impl;

import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code events:eventadmin}: the bridge's counters, one {@code name value} line each. Registered
 * with the {@code osgi.command.*} properties rather than Gogo's annotations, so the bridge needs no
 * shell: Gogo and Karaf's shell pick it up where there is one. Stateless; thread-safe.
 */
@Component(service = EventAdminCommand.class,
        property = {"osgi.command.scope=events", "osgi.command.function=eventadmin"})
public final class EventAdminCommand {
    private final EventAdminBridge bridge;

    @Activate
    public EventAdminCommand(@Reference EventAdminBridge bridge) {
        this.bridge = bridge;
    }

    /** The counters of the Event Admin bridge. */
    public String eventadmin() {
        return bridge.stats().entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining("\n"));
    }
}
