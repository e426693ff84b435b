package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands wired by hand behave as the DS components do, bound or not. */
class ShellCommandsTest {
    private static final DeadLetterQueue ONE_KEPT = new DeadLetterQueue() {
        @Override
        public List<DeadLetter> list() {
            return List.of(new DeadLetter("batch-1", 2, "refused", Instant.EPOCH));
        }

        @Override
        public int resend(String batchId) {
            return batchId.equals("batch-1") ? 2 : 0;
        }

        @Override
        public int resendAll() {
            return 2;
        }
    };

    @Test
    void withoutTheCoreEachCommandSaysItIsNotRunning() {
        assertThat(ShellCommands.stats(null).stats()).isEqualTo(StatsCommand.NOT_RUNNING);
        assertThat(ShellCommands.spool(null).spool()).isEqualTo(StatsCommand.NOT_RUNNING);
        assertThat(ShellCommands.unmigrated(null).unmigrated()).isEqualTo(StatsCommand.NOT_RUNNING);
        assertThat(ShellCommands.flush(null).flush()).contains(StatsCommand.NOT_RUNNING);
        assertThat(ShellCommands.dlq(null).dlq()).contains(StatsCommand.NOT_RUNNING);
    }

    @Test
    void aBoundServiceIsTheOneTheCommandUses() {
        assertThat(ShellCommands.dlq(ONE_KEPT).dlq()).contains("batch-1");
        assertThat(ShellCommands.dlq(ONE_KEPT).dlq("--resend", "batch-1")).isEqualTo("queued again: 2 events");
        assertThat(ShellCommands.deadLetterIds(ONE_KEPT)).containsExactly("batch-1");
        assertThat(ShellCommands.deadLetterIds(null)).isEmpty();
    }

    @Test
    void theEventTypesAreTheCatalogues() {
        assertThat(ShellCommands.eventTypes()).contains("storage.pool.created", "data_transfer.transfer.started").doesNotHaveDuplicates();
    }

    @Test
    void emitWithoutEmittersNamesTheMissingCategory() {
        assertThat(ShellCommands.emit(List.of()).emit("storage.pool.created")).startsWith("error: ").contains("storage");
    }
}
