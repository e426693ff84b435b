package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code events:spool}: the spool's figures from {@link EventSystem#stats()}: every {@code spool_*}
 * key the core reports, then the backlog and its fate. Figures the core does not report show as
 * {@code -}. Thread-safe.
 */
@Component(service = SpoolCommand.class)
@GogoCommand(scope = "events", function = {"spool"})
public final class SpoolCommand {
    static final String SPOOL_PREFIX = "spool_";
    static final List<String> BACKLOG_KEYS = List.of("pending", "oldest_pending_age_ms", "acknowledged", "quarantined_records",
            "dead_lettered");
    static final String NO_SPOOL = "(the core reports no spool_* figures: it keeps its backlog in memory)";

    // Optional and dynamic: the command stays available, and says so, while the core is stopped or updated.
    private final AtomicReference<EventSystem> eventSystem = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem system) {
        eventSystem.set(system);
    }

    void unsetEventSystem(EventSystem system) {
        eventSystem.compareAndSet(system, null);
    }

    @Descriptor("Show the spool's figures: its spool_* stats, pending, oldest_pending_age_ms, acknowledged,"
            + " quarantined_records and dead_lettered ('-' where the core reports none)")
    public String spool() {
        EventSystem system = eventSystem.get();
        return system == null ? StatsCommand.NOT_RUNNING : format(system.stats());
    }

    static String format(Map<String, Object> stats) {
        Map<String, Object> figures = new LinkedHashMap<>();
        stats.forEach((key, value) -> {
            if (key.startsWith(SPOOL_PREFIX)) {
                figures.put(key, value);
            }
        });
        boolean noSpool = figures.isEmpty();
        for (String key : BACKLOG_KEYS) {
            figures.put(key, stats.get(key));
        }
        String text = StatsCommand.format(figures);
        return noSpool ? text + "\n" + NO_SPOOL : text;
    }
}
