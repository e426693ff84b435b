package io.stratastor.rodent.events.shell.karaf.completion;

import static io.stratastor.rodent.events.shell.karaf.completion.CompletionLine.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticValueCompletersTest {
    @Test
    void eventTypesCompleteFromTheCatalogueForAPrefix() {
        assertThat(candidates(new EventTypeCompleter(), "events:emit", "storage.pool.cr")).containsExactly("storage.pool.created");
        assertThat(candidates(new EventTypeCompleter(), "events:emit", "data_transfer."))
                .hasSize(8).allMatch(type -> type.startsWith("data_transfer."));
    }

    @Test
    void eventTypesOfferTheWholeCatalogueForAnEmptyWord() {
        assertThat(candidates(new EventTypeCompleter(), "events:emit", "")).hasSizeGreaterThan(100)
                .contains("storage.pool.resilvered", "identity.user.created");
    }

    @Test
    void categoriesCompleteByLabel() {
        assertThat(candidates(new CategoryCompleter(), "events:types", "s"))
                .containsExactlyInAnyOrder("system", "storage", "security", "service", "sharing");
        assertThat(candidates(new CategoryCompleter(), "events:types", "data")).containsExactly("data_transfer");
    }

    @Test
    void levelsCompleteByLabel() {
        assertThat(candidates(new LevelCompleter(), "events:tail", "--level", "e")).containsExactlyInAnyOrder("error", "essential");
        assertThat(candidates(new LevelCompleter(), "events:tail", "--level", ""))
                .containsExactlyInAnyOrder("info", "warn", "error", "critical", "essential", "debug", "trace");
    }

    @Test
    void aWordNoValueStartsGetsNothing() {
        assertThat(candidates(new LevelCompleter(), "events:tail", "--level", "x")).isEmpty();
        assertThat(candidates(new CategoryCompleter(), "events:types", "zz")).isEmpty();
    }
}
