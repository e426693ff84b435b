package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class EventTopicsTest {

    @Test
    void everyTypeOfTheCatalogueIsAValidTopicWithSlashesForDots() {
        List<String> types = EventCatalog.fromSchema().types().stream().map(EventTypeDefinition::eventType).toList();
        assertThat(types).hasSizeGreaterThan(100).containsAll(constantsOfEventTypes());
        for (String type : types) {
            String topic = EventTopics.topicOf(type);
            assertThat(topic).as(type).isEqualTo("rodent/events/" + type.replace('.', '/'));
            // Event Admin's own check of the topic syntax.
            assertThatCode(() -> new Event(topic, Map.of())).as(topic).doesNotThrowAnyException();
        }
    }

    @Test
    void resilverTypeGivesTheDocumentedTopic() {
        assertThat(EventTopics.topicOf(EventTypes.STORAGE_POOL_RESILVERED)).isEqualTo("rodent/events/storage/pool/resilvered");
    }

    @Test
    void charactersOutsideTopicTokensBecomeUnderscoresAndEmptySegmentsToo() {
        assertThat(EventTopics.topicOf("storage.pool-x.Ok_1")).isEqualTo("rodent/events/storage/pool-x/Ok_1");
        assertThat(EventTopics.topicOf("legacy.a b:c/d*é")).isEqualTo("rodent/events/legacy/a_b_c_d__");
        assertThat(EventTopics.topicOf("a..b.")).isEqualTo("rodent/events/a/_/b/_");
        assertThat(EventTopics.topicOf("")).isEqualTo("rodent/events/_");
        for (String odd : List.of("legacy.a b:c/d*é", "a..b.", "", ".", "x.*.#")) {
            assertThatCode(() -> new Event(EventTopics.topicOf(odd), Map.of())).as(odd).doesNotThrowAnyException();
        }
    }

    private static List<String> constantsOfEventTypes() {
        List<String> constants = new ArrayList<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return constants;
    }
}
