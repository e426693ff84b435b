package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GogoScriptTest {

    @Test
    void blankLinesAndCommentsAreSkippedAndCommandsTrimmed() {
        assertThat(GogoScript.commands(List.of("# demo", "", "  events:emit storage.pool.created  ", "   # indented comment",
                "\t", "events:stats")))
                .containsExactly("events:emit storage.pool.created", "events:stats");
    }

    @Test
    void failureIsDescribedByItsMessageOnOneLine() {
        assertThat(GogoScript.describe(new IllegalStateException("Command not found: events:nope\n  more")))
                .isEqualTo("Command not found: events:nope more");
        assertThat(GogoScript.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
