package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import org.junit.jupiter.api.Test;

class EventSelectionTest {

    private static EventSelection types(String... patterns) {
        return EventSelection.of(patterns, new String[0], "");
    }

    @Test
    void starSelectsEveryType() {
        assertThat(types("*").selects("storage.pool.resilvered", Category.STORAGE, Level.TRACE)).isTrue();
        assertThat(types("*").selects("identity.user.created", Category.IDENTITY, Level.CRITICAL)).isTrue();
    }

    @Test
    void globMatchesAcrossDotsAndQuestionMarkIsOneCharacter() {
        EventSelection selection = types("storage.*.created", "identity.user.?eleted");
        assertThat(selection.selects("storage.pool.created", Category.STORAGE, Level.INFO)).isTrue();
        assertThat(selection.selects("storage.pool.snapshot.created", Category.STORAGE, Level.INFO)).isTrue();
        assertThat(selection.selects("storage.pool.destroyed", Category.STORAGE, Level.INFO)).isFalse();
        assertThat(selection.selects("identity.user.deleted", Category.IDENTITY, Level.INFO)).isTrue();
        assertThat(selection.selects("identity.user.created", Category.IDENTITY, Level.INFO)).isFalse();
    }

    @Test
    void patternWithoutWildcardsSelectsTheTypeAndTheTypesBelowIt() {
        EventSelection selection = types("storage.pool");
        assertThat(selection.selects("storage.pool", Category.STORAGE, Level.INFO)).isTrue();
        assertThat(selection.selects("storage.pool.created", Category.STORAGE, Level.INFO)).isTrue();
        assertThat(selection.selects("storage.poolx.created", Category.STORAGE, Level.INFO)).isFalse();
        assertThat(selection.selects("storage.dataset.created", Category.STORAGE, Level.INFO)).isFalse();
    }

    @Test
    void noTypePatternSelectsNothing() {
        assertThat(types().selects("storage.pool.created", Category.STORAGE, Level.INFO)).isFalse();
    }

    @Test
    void categoriesAndLowestLevelNarrowTheSelection() {
        EventSelection selection = EventSelection.of(new String[] {"*"}, new String[] {"storage", "data-transfer"}, "warn");
        assertThat(selection.selects("storage.pool.created", Category.STORAGE, Level.WARN)).isTrue();
        assertThat(selection.selects("data_transfer.transfer.started", Category.DATA_TRANSFER, Level.CRITICAL)).isTrue();
        assertThat(selection.selects("storage.pool.created", Category.STORAGE, Level.INFO)).isFalse();
        assertThat(selection.selects("identity.user.created", Category.IDENTITY, Level.ERROR)).isFalse();
        assertThat(selection.selects("storage.pool.created", Category.STORAGE, Level.ESSENTIAL)).isTrue();
    }

    @Test
    void essentialRanksWithError() {
        EventSelection selection = EventSelection.of(new String[] {"*"}, new String[0], "essential");
        assertThat(selection.selects("system.startup", Category.SYSTEM, Level.ERROR)).isTrue();
        assertThat(selection.selects("system.startup", Category.SYSTEM, Level.WARN)).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> types("storage.[pool]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("types: 'storage.[pool]'");
        assertThatThrownBy(() -> types("")).hasMessageStartingWith("types: ''");
        assertThatThrownBy(() -> EventSelection.of(new String[] {"*"}, new String[] {"disks"}, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("categories: unknown category 'disks'");
        assertThatThrownBy(() -> EventSelection.of(new String[] {"*"}, new String[0], "loud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("min_level: unknown level 'loud'");
    }
}
