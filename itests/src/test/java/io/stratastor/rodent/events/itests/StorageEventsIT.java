package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/** The storage category in a real Felix: its events reach Toggle with every envelope field right. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StorageEventsIT {
    private static final String TOKEN = "itest-token-storage";

    @Inject
    private StorageEvents storage;
    @Inject
    private EventSystem eventSystem;
    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(StorageEventsIT.class, TOKEN);
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void resilverEventReachesToggleWithEveryEnvelopeFieldRight() throws Exception {
        ToggleView toggle = new ToggleView(StorageEventsIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        Conditions.await("the core to take the Toggle address", Duration.ofSeconds(30),
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);
        StoragePoolResilverPayload payload = StoragePoolResilverPayload.newBuilder()
                .setPoolName("tank").setDurationSeconds(3600).setBytesResilvered(1L << 40).setSuccess(true).build();
        long before = System.currentTimeMillis();

        storage.emitPoolResilver(payload, Meta.builder().put(Meta.POOL, "tank").put(Meta.ACTION, "resilver").build());

        assertTrue("flushed: " + eventSystem.stats(), eventSystem.flush(30_000));
        assertTrue("Toggle received the event", toggle.awaitUnique(1, Duration.ofSeconds(30)));
        ReceivedEvent event = toggle.events().get(0);
        assertEquals(List.of(), event.problems());
        assertTrue("event_id is a UUIDv7: " + event.eventId(),
                event.eventId().matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals(EventTypes.STORAGE_POOL_RESILVERED, event.type());
        assertEquals(EventLevel.EVENT_LEVEL_INFO.name(), event.level());
        assertEquals(EventCategory.EVENT_CATEGORY_STORAGE.name(), event.category());
        assertEquals(StorageEvents.POOL_SOURCE, event.source());
        assertTrue("timestamp " + event.timestamp() + " at emission", event.timestamp() >= before
                && event.timestamp() <= System.currentTimeMillis());
        assertEquals(ReceivedEvent.payloadOf(payload), event.payload());
        assertEquals(Map.of("pool", "tank", "action", "resilver"), event.metadata());
        assertEquals(1L + (long) eventSystem.stats().get("node_events"), eventSystem.stats().get("sent"));
        assertEquals(Level.INFO.wireValue().name(), event.level());
    }
}
