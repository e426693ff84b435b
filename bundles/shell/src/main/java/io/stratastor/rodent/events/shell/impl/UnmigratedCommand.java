package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code events:unmigrated}: the types outside the catalogue that modules still send through the
 * backward-compatible API, with the source and how many, most frequent first. Thread-safe.
 */
@Component(service = UnmigratedCommand.class)
@GogoCommand(scope = "events", function = {"unmigrated"})
public final class UnmigratedCommand {
    private final AtomicReference<EventSystem> eventSystem = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem system) {
        eventSystem.set(system);
    }

    void unsetEventSystem(EventSystem system) {
        eventSystem.compareAndSet(system, null);
    }

    @Descriptor("List the event types outside the catalogue that modules still send through the old API: type, category,"
            + " source, count, first seen")
    public String unmigrated() {
        EventSystem system = eventSystem.get();
        return system == null ? StatsCommand.NOT_RUNNING : format(system.unmigratedTypes());
    }

    static String format(List<UnmigratedType> types) {
        if (types.isEmpty()) {
            return "no unmigrated types: every old-API event since the core started had a type of the catalogue";
        }
        int width = types.stream().mapToInt(type -> type.eventType().length()).max().orElse(0);
        int sourceWidth = types.stream().mapToInt(type -> type.source().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (UnmigratedType type : types) {
            text.append(type.eventType()).append(" ".repeat(width - type.eventType().length() + 2))
                    .append(String.format("%-13s ", type.category().label()))
                    .append(type.source()).append(" ".repeat(sourceWidth - type.source().length() + 2))
                    .append(String.format("%8d  ", type.count())).append(type.firstSeen()).append('\n');
        }
        return text.append(types.size()).append(types.size() == 1 ? " type and source" : " types and sources")
                .append("; migrate these modules to the typed emitters (docs/IMPLEMENTATION.md)").toString();
    }
}
