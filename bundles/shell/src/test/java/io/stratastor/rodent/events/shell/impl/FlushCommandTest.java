package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlushCommandTest {
    private final FakeEventSystem system = new FakeEventSystem();
    private final FlushCommand command = new FlushCommand();

    @BeforeEach
    void bind() {
        command.setEventSystem(system);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void nothingPendingAfterTheFlush() {
        assertThat(command.flush()).isEqualTo("flushed: nothing pending");
        assertThat(system.lastFlushTimeout).isEqualTo(10_000);
    }

    @Test
    void timeoutReportsWhatIsPendingAndWhy() {
        system.flushResult = false;
        system.stats.put("pending", 42);
        system.stats.put("toggle_state", "unavailable");
        system.stats.put("last_error", "UNAVAILABLE: io exception\n  at ...");

        assertThat(command.flush("--timeout", "2.5")).isEqualTo(
                "timed out after 2.5 s with 42 pending (toggle_state unavailable, last_error UNAVAILABLE: io exception at ...)");
        assertThat(system.lastFlushTimeout).isEqualTo(2500);
    }

    @Test
    void withoutToggleItSaysSoAtOnce() {
        system.flushResult = false;
        system.stats.put("pending", 2);
        system.stats.put("toggle_state", "not_configured");

        assertThat(command.flush()).isEqualTo("nothing can ship: 2 pending (toggle_state not_configured, last_error -);"
                + " set toggle.address (events:config toggle.address HOST:PORT)");
        assertThat(system.lastFlushTimeout).isEqualTo(-1);
    }

    @Test
    void missingFiguresShowAsDashes() {
        system.flushResult = false;

        assertThat(command.flush("--timeout=1")).isEqualTo("timed out after 1 s with - pending (toggle_state -, last_error -)");
    }

    @Test
    void interruptionKeepsTheFlagAndSaysWhatIsPending() {
        system.interruptFlush = true;
        system.stats.put("pending", 3);

        assertThat(command.flush()).startsWith("interrupted with 3 pending");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void badArgumentsAndAMissingCoreGiveOneErrorLine() {
        assertThat(command.flush("--timeout", "soon")).isEqualTo(
                "error: --timeout takes seconds from 0 to 3600 (fractions allowed, e.g. 2.5), got 'soon'");
        assertThat(command.flush("now")).isEqualTo("error: unexpected argument 'now'; " + FlushCommand.USAGE);
        command.unsetEventSystem(system);
        assertThat(command.flush()).isEqualTo("error: " + StatsCommand.NOT_RUNNING);
    }
}
