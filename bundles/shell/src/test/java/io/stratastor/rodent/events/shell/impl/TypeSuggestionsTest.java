package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeSuggestionsTest {
    private final TypeSuggestions suggestions = new TypeSuggestions(List.of(
            "storage.pool.created", "storage.pool.destroyed", "storage.dataset.created", "network.interface.up"));

    @Test
    void typesContainingTheTextComeFirst() {
        assertThat(suggestions.closest("pool.created")).containsExactly("storage.pool.created");
        assertThat(suggestions.closest("CREATED")).containsExactly("storage.pool.created", "storage.dataset.created");
    }

    @Test
    void otherwiseTheLongestSharedPrefixWins() {
        assertThat(suggestions.closest("storage.pol.created")).containsExactly("storage.pool.created", "storage.pool.destroyed");
        assertThat(suggestions.closest("netwerk")).containsExactly("network.interface.up");
    }

    @Test
    void nothingCloseGivesAnExample() {
        assertThat(suggestions.closest("xyz")).isEmpty();
        assertThat(suggestions.phrase("xyz")).isEqualTo("expected a dotted type of the schema such as storage.pool.created");
    }

    @Test
    void longListsAreCut() {
        TypeSuggestions many = new TypeSuggestions(List.of("a.1", "a.2", "a.3", "a.4", "a.5", "a.6", "a.7"));

        assertThat(many.phrase("a.")).isEqualTo("did you mean a.1, a.2, a.3, a.4, a.5, ... (7 in all)?");
    }
}
