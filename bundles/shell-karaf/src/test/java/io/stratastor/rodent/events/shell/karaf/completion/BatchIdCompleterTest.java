package io.stratastor.rodent.events.shell.karaf.completion;

import static io.stratastor.rodent.events.shell.karaf.completion.CompletionLine.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchIdCompleterTest {
    private static final DeadLetterQueue TWO_KEPT = new DeadLetterQueue() {
        @Override
        public List<DeadLetter> list() {
            return List.of(new DeadLetter("0190a1b2-aaaa", 3, "bad", Instant.EPOCH), new DeadLetter("0190ffee-bbbb", 1, "bad", Instant.EPOCH));
        }

        @Override
        public int resend(String batchId) {
            throw new AssertionError("completion never resends");
        }

        @Override
        public int resendAll() {
            throw new AssertionError("completion never resends");
        }
    };

    @Test
    void batchIdsOfTheKeptDeadLettersCompleteForAPrefix() {
        assertThat(candidates(new BatchIdCompleter(TWO_KEPT), "events:dlq", "--resend", "0190a")).containsExactly("0190a1b2-aaaa");
        assertThat(candidates(new BatchIdCompleter(TWO_KEPT), "events:dlq", "--resend", ""))
                .containsExactlyInAnyOrder("0190a1b2-aaaa", "0190ffee-bbbb");
    }

    @Test
    void withoutTheCoreNothingIsOffered() {
        assertThat(candidates(new BatchIdCompleter(null), "events:dlq", "--resend", "")).isEmpty();
    }
}
