package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoolCommandTest {

    @Test
    void showsSpoolFiguresThenTheBacklogWithDashesForWhatIsMissing() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("emitted", 10);
        stats.put("spool_bytes", 2048L);
        stats.put("pending", 4);
        stats.put("spool_segments", 1L);
        stats.put("dead_lettered", 0L);

        assertThat(SpoolCommand.format(stats)).isEqualTo("""
                spool_bytes            2048
                spool_segments         1
                pending                4
                oldest_pending_age_ms  -
                acknowledged           -
                quarantined_records    -
                dead_lettered          0""");
    }

    @Test
    void aCoreWithoutSpoolSaysSo() {
        assertThat(SpoolCommand.format(Map.of("pending", 2))).endsWith("\n" + SpoolCommand.NO_SPOOL).startsWith("pending");
    }

    @Test
    void withoutTheCoreItSaysItIsNotRunning() {
        SpoolCommand command = new SpoolCommand();
        assertThat(command.spool()).isEqualTo(StatsCommand.NOT_RUNNING);

        FakeEventSystem system = new FakeEventSystem();
        system.stats.put("spool_state", "ok");
        command.setEventSystem(system);
        assertThat(command.spool()).startsWith("spool_state            ok\n");
    }
}
