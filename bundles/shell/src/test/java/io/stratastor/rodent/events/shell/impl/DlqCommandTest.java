package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqCommandTest {
    private final List<DeadLetter> kept = new ArrayList<>(List.of(
            new DeadLetter("b-1", 3, "payload refused\nby policy", Instant.parse("2026-11-27T04:00:00Z"))));
    private final DeadLetterQueue queue = new DeadLetterQueue() {
        @Override
        public List<DeadLetter> list() {
            return List.copyOf(kept);
        }

        @Override
        public int resend(String batchId) {
            DeadLetter letter = kept.stream().filter(l -> l.batchId().equals(batchId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dead letter " + batchId + "; kept: [b-1]"));
            kept.remove(letter);
            return letter.eventCount();
        }

        @Override
        public int resendAll() {
            int events = kept.stream().mapToInt(DeadLetter::eventCount).sum();
            kept.clear();
            return events;
        }
    };
    private final DlqCommand command = new DlqCommand();

    @Test
    void listsKeptBatchesOneLineEach() {
        command.setDeadLetterQueue(queue);

        assertThat(command.dlq()).isEqualTo("1 dead letter(s): batch, events, kept at, Toggle's reason\n"
                + "b-1  3  2026-11-27T04:00:00Z  payload refused by policy");
    }

    @Test
    void resendsOneOrAllAndSaysHowMany() {
        command.setDeadLetterQueue(queue);

        assertThat(command.dlq("--resend", "b-1")).isEqualTo("queued again: 3 events");
        assertThat(command.dlq()).isEqualTo("no dead letters");
        assertThat(command.dlq("--resend-all")).isEqualTo("queued again: 0 events");
    }

    @Test
    void badUseIsOneErrorLine() {
        command.setDeadLetterQueue(queue);

        assertThat(command.dlq("--resend", "nope")).startsWith("error: no dead letter nope");
        assertThat(command.dlq("--resend", "b-1", "--resend-all")).startsWith("error: give --resend BATCH_ID or --resend-all");
        assertThat(command.dlq("extra")).startsWith("error: unexpected argument 'extra'");
        command.unsetDeadLetterQueue(queue);
        assertThat(command.dlq()).startsWith("error: ");
    }
}
