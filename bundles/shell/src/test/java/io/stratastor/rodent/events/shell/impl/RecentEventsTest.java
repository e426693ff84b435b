package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class RecentEventsTest {

    static RecentEvents.Config config(int tailSize) {
        return Converters.standardConverter().convert(Map.of("tail_size", tailSize)).to(RecentEvents.Config.class);
    }

    private static Event numbered(int i) {
        return TestEvents.event("storage.pool.created", Level.INFO).toBuilder().setEventId("e" + i).build();
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::getEventId).toList();
    }

    @Test
    void keepsOnlyTheNewestUpToTheTailSize() {
        RecentEvents recent = new RecentEvents(config(3));
        for (int i = 1; i <= 5; i++) {
            recent.onEvent(numbered(i));
        }

        assertThat(ids(recent.recent(event -> true, 10))).containsExactly("e3", "e4", "e5");
        assertThat(ids(recent.recent(event -> true, 2))).containsExactly("e4", "e5");
    }

    @Test
    void defaultTailSizeIsAThousand() {
        assertThat(new RecentEvents(Converters.standardConverter().convert(Map.of()).to(RecentEvents.Config.class)).capacity())
                .isEqualTo(1000);
    }

    @Test
    void shrinkingKeepsTheNewestAndAnInvalidSizeIsRefused() {
        RecentEvents recent = new RecentEvents(config(5));
        for (int i = 1; i <= 5; i++) {
            recent.onEvent(numbered(i));
        }

        recent.modified(config(2));
        assertThat(ids(recent.recent(event -> true, 10))).containsExactly("e4", "e5");

        recent.modified(config(0));
        assertThat(recent.capacity()).isEqualTo(2);
        assertThat(new RecentEvents(config(RecentEvents.MAX_TAIL_SIZE + 1)).capacity()).isEqualTo(1000);
    }

    @Test
    void filterAppliesBeforeTheLimit() {
        RecentEvents recent = new RecentEvents(config(10));
        recent.onEvent(TestEvents.event("storage.pool.created", Level.ERROR));
        recent.onEvent(TestEvents.event("storage.pool.created", Level.INFO));
        recent.onEvent(TestEvents.event("storage.pool.created", Level.INFO));

        assertThat(recent.recent(event -> event.getLevel() == Level.ERROR.wireValue(), 1)).hasSize(1);
    }

    @Test
    void followerGetsHistoryThenNewMatchingEventsOnly() throws Exception {
        RecentEvents recent = new RecentEvents(config(10));
        recent.onEvent(numbered(1));
        recent.onEvent(numbered(2));

        try (Follower follower = recent.follow(event -> !event.getEventId().equals("e4"), 1)) {
            recent.onEvent(numbered(3));
            recent.onEvent(numbered(4));
            recent.onEvent(numbered(5));

            assertThat(ids(follower.history())).containsExactly("e2");
            assertThat(follower.poll(0, TimeUnit.SECONDS).getEventId()).isEqualTo("e3");
            assertThat(follower.poll(0, TimeUnit.SECONDS).getEventId()).isEqualTo("e5");
            assertThat(follower.poll(0, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void closedFollowerGetsNothingMore() throws Exception {
        RecentEvents recent = new RecentEvents(config(10));
        Follower follower = recent.follow(event -> true, 0);
        follower.close();

        recent.onEvent(numbered(1));

        assertThat(follower.poll(0, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void slowFollowerCountsWhatItSkippedInsteadOfBlockingTheEmitter() throws Exception {
        RecentEvents recent = new RecentEvents(config(10));
        try (Follower follower = recent.follow(event -> true, 0)) {
            for (int i = 0; i < Follower.CAPACITY + 3; i++) {
                recent.onEvent(numbered(i));
            }

            assertThat(follower.takeSkipped()).isEqualTo(3);
            assertThat(follower.takeSkipped()).isZero();
            assertThat(follower.poll(0, TimeUnit.SECONDS).getEventId()).isEqualTo("e0");
        }
    }

    @Test
    void deactivationEndsFollowers() throws Exception {
        RecentEvents recent = new RecentEvents(config(10));
        Follower follower = recent.follow(event -> true, 0);
        recent.onEvent(numbered(1));

        recent.deactivate();

        assertThat(follower.ended()).isFalse();
        assertThat(follower.poll(0, TimeUnit.SECONDS).getEventId()).isEqualTo("e1");
        assertThat(follower.poll(0, TimeUnit.SECONDS)).isNull();
        assertThat(follower.ended()).isTrue();
    }

    @Test
    void keepsTheStoredBytesAndParsesThemOnlyWhenShown() throws Exception {
        RecentEvents recent = new RecentEvents(config(10));
        Event event = numbered(7);
        byte[] stored = event.toByteArray();
        Stored accepted = new Stored(stored, event);
        try (Follower follower = recent.follow(e -> e.getEventId().equals("e7"), 0)) {
            recent.onAccepted(accepted);
            // The pipeline's buffer is reused after the call: what is kept must be a copy.
            java.util.Arrays.fill(stored, (byte) 0);

            assertThat(accepted.asked).isFalse();
            assertThat(recent.recent(e -> true, 10)).containsExactly(event);
            assertThat(follower.poll(0, TimeUnit.SECONDS)).isEqualTo(event);
        }
    }

    @Test
    void aRingThatComesRoundKeepsTheNewestWhateverTheirSizes() {
        RecentEvents recent = new RecentEvents(config(3));
        for (int i = 1; i <= 7; i++) {
            // A large event between small ones: its slot is let go, not kept, when the ring comes round.
            Event event = numbered(i).toBuilder().putMetadata("fill", "x".repeat(i == 4 ? 20_000 : i * 10)).build();
            recent.onAccepted(new Stored(event.toByteArray(), event));
        }

        List<Event> kept = recent.recent(event -> true, 10);
        assertThat(ids(kept)).containsExactly("e5", "e6", "e7");
        assertThat(kept).extracting(event -> event.getMetadataOrThrow("fill").length()).containsExactly(50, 60, 70);
    }

    /** An accepted event as the core hands it over: its stored bytes, the parsed event only on request. */
    private static final class Stored implements AcceptedEvent {
        private final byte[] stored;
        private final Event event;
        boolean asked;

        Stored(byte[] stored, Event event) {
            this.stored = stored;
            this.event = event;
        }

        @Override
        public ByteBuffer encoded() {
            return ByteBuffer.wrap(stored).asReadOnlyBuffer();
        }

        @Override
        public int encodedLength() {
            return stored.length;
        }

        @Override
        public void copyEncoded(byte[] target, int offset) {
            System.arraycopy(stored, 0, target, offset, stored.length);
        }

        @Override
        public Event event() {
            asked = true;
            return event;
        }

        @Override
        public Category category() {
            return Category.STORAGE;
        }

        @Override
        public Level level() {
            return Level.INFO;
        }

        @Override
        public String eventType() {
            return event.getEventType();
        }
    }
}
