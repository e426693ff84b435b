package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code events:stats}: the event system's counters and settings, one aligned line each. Thread-safe. */
@Component(service = StatsCommand.class)
@GogoCommand(scope = "events", function = {"stats"})
public final class StatsCommand {
    static final String NOT_RUNNING = "the events core is not running: no EventSystem service"
            + " (is bundle io.stratastor.rodent.events.core active?)";

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

    // Health checks: the executor of Felix Health Checks, optional and dynamic, and never typed here, so
    // that the shell loads and runs without them (their packages are imported optionally, bnd.bnd).
    static final String HEALTH_CHECK_EXECUTOR = "org.apache.felix.hc.api.execution.HealthCheckExecutor";
    static final String HEALTH_NOT_INSTALLED = "health checks are not installed"
            + " (Felix Health Checks and bundle io.stratastor.rodent.events.health)";
    private final AtomicReference<ComponentServiceObjects<Object>> healthExecutor = new AtomicReference<>();

    @Reference(service = HealthCheckExecutor.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setHealthCheckExecutor(ComponentServiceObjects<Object> executor) {
        healthExecutor.set(executor);
    }

    void unsetHealthCheckExecutor(ComponentServiceObjects<Object> executor) {
        healthExecutor.compareAndSet(executor, null);
    }

    @Descriptor("Show the event system's counters and settings (emitted, sent, pending, toggle state, ...) and its health")
    public String stats() {
        EventSystem system = eventSystem.get();
        if (system == null) {
            return NOT_RUNNING;
        }
        Map<String, Object> shown = new LinkedHashMap<>(system.stats());
        shown.put("health", health(healthExecutor.get()));
        return format(shown);
    }

    static String health(ComponentServiceObjects<Object> executor) {
        Object service = executor == null ? null : executor.getService();
        if (service == null) {
            return HEALTH_NOT_INSTALLED;
        }
        try {
            return FelixHealthLine.of(service);
        } catch (LinkageError e) {
            return "health checks were installed after the shell: refresh bundle io.stratastor.rodent.events.shell";
        } finally {
            executor.ungetService(service);
        }
    }

    /** One {@code key  value} line per entry, in the map's order, values aligned; empty values show as {@code -}. */
    static String format(Map<String, Object> stats) {
        int width = stats.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : stats.entrySet()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            String value = entry.getValue() == null ? "" : CommandResults.oneLine(String.valueOf(entry.getValue()));
            text.append(entry.getKey()).append(" ".repeat(width - entry.getKey().length() + 2))
                    .append(value.isEmpty() ? "-" : value);
        }
        return text.toString();
    }
}
