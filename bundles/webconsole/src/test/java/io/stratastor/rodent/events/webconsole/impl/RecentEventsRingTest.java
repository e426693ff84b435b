package io.stratastor.rodent.events.webconsole.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentEventsRingTest {

    private static byte[] numbered(int n) {
        return PageFixtures.event(Level.INFO, Category.STORAGE, "storage.pool.created", Map.of("n", Integer.toString(n))).toByteArray();
    }

    private static int number(Event event) {
        return Integer.parseInt(event.getMetadataOrThrow("n"));
    }

    @Test
    void keepsTheNewestUpToItsBoundAndShowsThemNewestFirst() {
        RecentEventsRing ring = new RecentEventsRing(ConsolePageTest.config(3));
        for (int n = 1; n <= 5; n++) {
            ring.keep(numbered(n));
        }

        assertThat(ring.newest(any -> true, 10)).extracting(RecentEventsRingTest::number).containsExactly(5, 4, 3);
        assertThat(ring.newest(any -> true, 2)).extracting(RecentEventsRingTest::number).containsExactly(5, 4);
        assertThat(ring.newest(event -> number(event) % 2 == 1, 10)).extracting(RecentEventsRingTest::number).containsExactly(5, 3);
    }

    @Test
    void aSmallerBoundKeepsTheNewestAndAnInvalidOneKeepsThePrevious() {
        RecentEventsRing ring = new RecentEventsRing(ConsolePageTest.config(0));
        assertThat(ring.bound()).isEqualTo(RecentEventsRing.DEFAULT_KEPT);
        for (int n = 1; n <= 4; n++) {
            ring.keep(numbered(n));
        }

        ring.modified(ConsolePageTest.config(2));
        ring.modified(ConsolePageTest.config(RecentEventsRing.MAX_KEPT + 1));

        assertThat(ring.bound()).isEqualTo(2);
        assertThat(ring.newest(any -> true, 10)).extracting(RecentEventsRingTest::number).containsExactly(4, 3);
    }
}
