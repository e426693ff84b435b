package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.EventSystem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
                last_error             -""");
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
        assertThat(command.stats()).isEqualTo("emitted  1");

        command.unsetEventSystem(current);
        assertThat(command.stats()).isEqualTo(StatsCommand.NOT_RUNNING);
    }
}
