package io.stratastor.rodent.events.webconsole.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    @Test
    void emptyFieldsFilterNothing() {
        EventQuery query = EventQuery.of(Map.of("n", "", "level", " ", "type", ""));

        assertThat(query).isEqualTo(EventQuery.ALL);
        assertThat(query.filter().test(PageFixtures.event(Level.TRACE, Category.USAGE, "usage.x", Map.of()))).isTrue();
    }

    @Test
    void badFieldsAreRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> EventQuery.of(Map.of("n", "many"))).hasMessage("n takes a whole number from 1 to 10000, got 'many'");
        assertThatThrownBy(() -> EventQuery.of(Map.of("n", "0"))).hasMessageStartingWith("n takes a whole number");
        assertThatThrownBy(() -> EventQuery.of(Map.of("level", "loud"))).hasMessageStartingWith("unknown level 'loud'");
        assertThatThrownBy(() -> EventQuery.of(Map.of("category", "pets"))).hasMessageContaining("'pets'");
        assertThatThrownBy(() -> EventQuery.of(Map.of("type", "storage;drop"))).hasMessageStartingWith("type takes a dotted type")
                .hasMessageEndingWith("got 'storage;drop'");
    }

    @Test
    void theLevelIsTheLowestShownWithErrorAndEssentialRankedTogether() {
        EventQuery error = EventQuery.of(Map.of("level", "error"));

        assertThat(error.filter().test(PageFixtures.event(Level.ESSENTIAL, Category.SYSTEM, "system.x", Map.of()))).isTrue();
        assertThat(error.filter().test(PageFixtures.event(Level.CRITICAL, Category.SYSTEM, "system.x", Map.of()))).isTrue();
        assertThat(error.filter().test(PageFixtures.event(Level.WARN, Category.SYSTEM, "system.x", Map.of()))).isFalse();
        assertThat(EventQuery.rank(Level.ESSENTIAL)).isEqualTo(EventQuery.rank(Level.ERROR));
    }

    @Test
    void aTypeWithoutWildcardsIsADottedPrefixAndAGlobSpansDots() {
        assertThat(EventQuery.typeMatcher("storage.pool")).accepts("storage.pool", "storage.pool.created").rejects("storage.poolx", "storage");
        assertThat(EventQuery.typeMatcher("storage.*.created")).accepts("storage.pool.created", "storage.a.b.created")
                .rejects("storage.pool.destroyed");
        assertThat(EventQuery.typeMatcher("identity.user.?reated")).accepts("identity.user.created").rejects("identity.user.cccreated");
    }

    @Test
    void theCategoryPicksOne() {
        EventQuery storage = EventQuery.of(Map.of("category", "storage", "n", "5"));

        assertThat(storage.limit()).isEqualTo(5);
        assertThat(storage.filter().test(PageFixtures.event(Level.INFO, Category.STORAGE, "storage.x", Map.of()))).isTrue();
        assertThat(storage.filter().test(PageFixtures.event(Level.INFO, Category.NETWORK, "storage.x", Map.of()))).isFalse();
    }
}
