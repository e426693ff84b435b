package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicListenersTest {
    @Test
    void topicsThatReachOursAndTopicsThatDoNot() {
        for (String ours : List.of("*", "rodent/*", "rodent/events/*", "rodent/events/storage/*", "rodent/events/storage/pool/resilvered",
                " rodent/events/* ")) {
            assertThat(TopicListeners.ours(ours)).as(ours).isTrue();
        }
        for (String not : List.of("org/osgi/*", "rodent/eventsx/*", "rodent/events", "rodent", "rodentx/*", "rodent/other/*")) {
            assertThat(TopicListeners.ours(not)).as(not).isFalse();
        }
    }

    @Test
    void anyHandlerOfManyKeepsThePostingOnUntilTheLastGoes() {
        TopicListeners listeners = new TopicListeners();
        assertThat(listeners.any()).isFalse();
        listeners.put(Map.of("service.id", 1L, "event.topics", "rodent/*"));
        listeners.put(Map.of("service.id", 2L, "event.topics", List.of("org/osgi/*", "rodent/events/network/*")));
        listeners.put(Map.of("service.id", 3L, "event.topics", new String[] {"org/osgi/*"}));
        listeners.put(Map.of("service.id", 4L));
        assertThat(listeners.any()).isTrue();

        listeners.remove(Map.of("service.id", 1L));
        assertThat(listeners.any()).isTrue();
        // Handler 2 changes its topics away from ours.
        listeners.put(Map.of("service.id", 2L, "event.topics", "org/osgi/*"));
        assertThat(listeners.any()).isFalse();
    }
}
