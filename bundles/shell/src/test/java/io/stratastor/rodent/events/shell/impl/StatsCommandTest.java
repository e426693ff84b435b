package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

class StatsCommandTest {

    private static EventSystem eventSystem(Map<String, Object> stats) {
        return new EventSystem() {
            @Override
            public boolean isInitialized() {
                return true;
            }

            @Override
            public Map<String, Object> stats() {
                return stats;
            }

            @Override
            public io.stratastor.rodent.events.api.EventStats snapshot() {
                throw new UnsupportedOperationException("the shell reads stats()");
            }

            @Override
            public boolean flush(long timeoutMillis) {
                return true;
            }

            @Override
            public java.util.List<io.stratastor.rodent.events.api.UnmigratedType> unmigratedTypes() {
                return java.util.List.of();
            }
        };
    }

    @Test
    void printsAlignedLinesInTheMapsOrder() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("initialized", true);
        stats.put("emitted", 12L);
        stats.put("batch_timeout_seconds", 1.5);
        stats.put("last_error", "");
        StatsCommand command = new StatsCommand();
        command.setEventSystem(eventSystem(stats));

        assertThat(command.stats()).isEqualTo("""
                initialized            true
                emitted                12
                batch_timeout_seconds  1.5
                last_error             -
                health                 health checks are not installed (Felix Health Checks and bundle \
                io.stratastor.rodent.events.health)""");
    }

    @Test
    void saysSoWhenTheCoreIsNotRunning() {
        StatsCommand command = new StatsCommand();

        assertThat(command.stats()).isEqualTo(StatsCommand.NOT_RUNNING).doesNotContain("\n");
    }

    @Test
    void unbindingAnotherInstanceKeepsTheCurrentOne() {
        StatsCommand command = new StatsCommand();
        EventSystem current = eventSystem(Map.of("emitted", 1));
        command.setEventSystem(current);

        command.unsetEventSystem(eventSystem(Map.of()));
        assertThat(command.stats()).isEqualTo("emitted  1\nhealth   " + StatsCommand.HEALTH_NOT_INSTALLED);

        command.unsetEventSystem(current);
        assertThat(command.stats()).isEqualTo(StatsCommand.NOT_RUNNING);
    }

    @Test
    void endsWithTheHealthChecksLineThroughTheExecutor() {
        StatsCommand command = new StatsCommand();
        command.setEventSystem(eventSystem(Map.of("emitted", 1)));
        List<String> calls = new ArrayList<>();
        command.setHealthCheckExecutor(serviceObjects(new HealthCheckExecutor() {
            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector) {
                calls.add(String.join(",", selector.tags()));
                return List.of();
            }

            @Override
            public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector, HealthCheckExecutionOptions options) {
                return execute(selector);
            }
        }, calls));

        assertThat(command.stats()).endsWith("\nhealth   no checks tagged rodent-events ran (is bundle io.stratastor.rodent.events.health active?)");
        assertThat(calls).containsExactly("rodent-events", "unget");
    }

    private static ComponentServiceObjects<Object> serviceObjects(Object service, List<String> calls) {
        return new ComponentServiceObjects<>() {
            @Override
            public Object getService() {
                return service;
            }

            @Override
            public void ungetService(Object released) {
                calls.add("unget");
            }

            @Override
            public ServiceReference<Object> getServiceReference() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
