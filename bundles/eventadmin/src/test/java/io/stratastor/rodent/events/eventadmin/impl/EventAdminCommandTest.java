package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.Event;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class EventAdminCommandTest {

    @Test
    void printsEachCounterOnItsOwnLine() throws InterruptedException {
        EventAdminBridge bridge = new EventAdminBridge(new RecordingEventAdmin(),
                Converters.standardConverter().convert(Map.of("types", new String[] {"identity"})).to(EventAdminBridge.Config.class));
        try {
            bridge.onAccepted(new Accepted(Event.newBuilder().setEventId("e1")
                    .setEventType("storage.pool.created").setLevelValue(1).setCategoryValue(2).build()));

            assertThat(new EventAdminCommand(bridge).eventadmin()).isEqualTo("posted 0\nfiltered 1\nunheard 0\nfull 0\nfailed 0\npending 0");
        } finally {
            bridge.deactivate();
        }
    }
}
