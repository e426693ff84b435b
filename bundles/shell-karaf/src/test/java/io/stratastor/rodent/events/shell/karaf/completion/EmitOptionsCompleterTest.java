package io.stratastor.rodent.events.shell.karaf.completion;

import static io.stratastor.rodent.events.shell.karaf.completion.CompletionLine.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmitOptionsCompleterTest {
    private final EmitOptionsCompleter completer = new EmitOptionsCompleter();

    @Test
    void afterTheTypeTheOptionNamesComplete() {
        assertThat(candidates(completer, "events:emit", "storage.pool.created", "--"))
                .containsExactlyInAnyOrder("--level", "--source", "--meta", "--payload", "--count", "--rate");
        assertThat(candidates(completer, "events:emit", "storage.pool.created", "--level", "warn", "--p")).containsExactly("--payload");
    }

    @Test
    void afterLevelTheLevelsComplete() {
        assertThat(candidates(completer, "events:emit", "storage.pool.created", "--level", "cr")).containsExactly("critical");
    }

    @Test
    void afterAnOptionTakingFreeTextNothingIsOffered() {
        assertThat(candidates(completer, "events:emit", "storage.pool.created", "--source", "")).isEmpty();
        assertThat(candidates(completer, "events:emit", "storage.pool.created", "--count", "")).isEmpty();
    }
}
