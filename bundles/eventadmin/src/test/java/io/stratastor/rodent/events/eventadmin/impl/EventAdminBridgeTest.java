package io.stratastor.rodent.events.eventadmin.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.testing.EventCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class EventAdminBridgeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<EventAdminBridge> started = new ArrayList<>();

    private static EventAdminBridge.Config config(Map<String, Object> values) {
        return Converters.standardConverter().convert(values).to(EventAdminBridge.Config.class);
    }

    // A bridge with one handler listening on all our topics, as an application's would.
    private EventAdminBridge bridge(RecordingEventAdmin eventAdmin, Map<String, Object> values) {
        EventAdminBridge bridge = new EventAdminBridge(eventAdmin, config(values));
        bridge.addHandler(handler(1, "rodent/events/*"));
        started.add(bridge);
        return bridge;
    }

    private static Map<String, Object> handler(long serviceId, Object topics) {
        return Map.of("service.id", serviceId, "event.topics", topics);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (EventAdminBridge bridge : started) {
            bridge.deactivate();
        }
    }

    private static Event resilvered(String pool) {
        try (EventCapture capture = EventCapture.standalone()) {
            capture.emitter(StorageEvents.class).emitPoolResilver(StoragePoolResilverPayload.newBuilder().setPoolName(pool).build(),
                    Map.of("pool", pool));
            return capture.events().get(0).envelope();
        }
    }

    private static Event event(String type, Level level) {
        return resilvered("tank").toBuilder().setEventType(type).setLevel(level.wireValue()).build();
    }

    @Test
    void acceptedEventIsPostedOnItsTopicWithItsEnvelope() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        EventAdminBridge bridge = bridge(eventAdmin, Map.of());
        Event envelope = resilvered("tank");

        bridge.onAccepted(new Accepted(envelope));

        await().atMost(WAIT).until(() -> eventAdmin.posted.size() == 1);
        org.osgi.service.event.Event posted = eventAdmin.posted.get(0);
        assertThat(posted.getTopic()).isEqualTo("rodent/events/storage/pool/resilvered");
        assertThat(posted.getProperty("id")).isEqualTo(envelope.getEventId());
        assertThat(posted.getProperty("metadata")).isEqualTo(Map.of("pool", "tank"));
        assertThat(posted.getProperty("payload")).isEqualTo(Map.of("pool_name", "tank", "duration_seconds", 0L,
                "bytes_resilvered", 0L, "success", false));
        assertThat(bridge.stats()).containsEntry("posted", 1L).containsEntry("failed", 0L).containsEntry("pending", 0L);
    }

    @Test
    void typesOutsideTheFilterAreCountedAndNotPosted() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        EventAdminBridge bridge = bridge(eventAdmin, Map.of("types", new String[] {"storage.*.created"}, "min_level", "warn"));

        bridge.onAccepted(new Accepted(event("storage.pool.resilvered", Level.ERROR)));
        bridge.onAccepted(new Accepted(event("storage.pool.created", Level.INFO)));
        bridge.onAccepted(new Accepted(event("storage.pool.created", Level.WARN)));

        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 1L);
        assertThat(eventAdmin.posted).extracting(org.osgi.service.event.Event::getTopic).containsExactly("rodent/events/storage/pool/created");
        assertThat(bridge.stats()).containsEntry("filtered", 2L);
    }

    @Test
    void fullHandOffNeitherBlocksTheEmitterNorLosesCount() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin(release);
        EventAdminBridge bridge = bridge(eventAdmin, Map.of("queue_capacity", 2));
        bridge.onAccepted(new Accepted(resilvered("first")));
        assertThat(eventAdmin.entered.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // Event Admin holds the bridge's thread: two may wait, the rest are refused at once on this thread.
        for (int i = 0; i < 5; i++) {
            bridge.onAccepted(new Accepted(resilvered("p" + i)));
        }

        assertThat(bridge.stats()).containsEntry("pending", 2L).containsEntry("full", 3L).containsEntry("posted", 0L);
        release.countDown();
        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 3L);
        assertThat(eventAdmin.posted).extracting(e -> e.getProperty("metadata")).containsExactly(Map.of("pool", "first"),
                Map.of("pool", "p0"), Map.of("pool", "p1"));
    }

    @Test
    void eventAdminThrowingNeverReachesTheEmitterAndIsCounted() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        eventAdmin.failure = new IllegalStateException("Event Admin is stopping");
        EventAdminBridge bridge = bridge(eventAdmin, Map.of());

        assertThatCode(() -> bridge.onAccepted(new Accepted(resilvered("tank")))).doesNotThrowAnyException();

        await().atMost(WAIT).until(() -> bridge.stats().get("failed") == 1L);
        eventAdmin.failure = null;
        bridge.onAccepted(new Accepted(resilvered("again")));
        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 1L);
    }

    @Test
    void refusedChangeKeepsThePreviousSettings() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        EventAdminBridge bridge = bridge(eventAdmin, Map.of("types", new String[] {"identity"}));

        bridge.modified(config(Map.of("types", new String[] {"storage"}, "queue_capacity", 0)));
        bridge.onAccepted(new Accepted(resilvered("tank")));
        assertThat(bridge.stats()).containsEntry("filtered", 1L);

        bridge.modified(config(Map.of("types", new String[] {"storage"})));
        bridge.onAccepted(new Accepted(resilvered("tank")));
        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 1L);
    }

    @Test
    void refusedConfigurationAtActivationFallsBackToEveryEvent() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        EventAdminBridge bridge = bridge(eventAdmin, Map.of("categories", new String[] {"disks"}));

        bridge.onAccepted(new Accepted(resilvered("tank")));

        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 1L);
    }

    @Test
    void deactivatePostsWhatIsWaitingFirst() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin(release);
        EventAdminBridge bridge = new EventAdminBridge(eventAdmin, config(Map.of()));
        bridge.addHandler(handler(1, "*"));
        for (int i = 0; i < 3; i++) {
            bridge.onAccepted(new Accepted(resilvered("p" + i)));
        }
        release.countDown();

        bridge.deactivate();

        assertThat(eventAdmin.posted).hasSize(3);
        assertThat(bridge.stats()).containsEntry("posted", 3L).containsEntry("pending", 0L);
        bridge.onAccepted(new Accepted(resilvered("late")));
        assertThat(bridge.stats()).containsEntry("failed", 1L);
    }

    @Test
    void whileNoHandlerListensOnOurTopicsNothingIsPostedAndEachEventIsCountedUnheard() {
        RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
        EventAdminBridge bridge = new EventAdminBridge(eventAdmin, config(Map.of()));
        started.add(bridge);
        bridge.addHandler(handler(7, new String[] {"org/osgi/framework/*", "rodent/eventsx/*"}));

        bridge.onAccepted(new Accepted(resilvered("a")));
        assertThat(bridge.stats()).containsEntry("unheard", 1L).containsEntry("posted", 0L).containsEntry("pending", 0L);

        // The same handler now listens on a topic under ours: posted. Gone again: unheard.
        bridge.updatedHandler(handler(7, new String[] {"org/osgi/framework/*", "rodent/events/storage/*"}));
        bridge.onAccepted(new Accepted(resilvered("b")));
        await().atMost(WAIT).until(() -> bridge.stats().get("posted") == 1L);
        bridge.removeHandler(handler(7, "rodent/events/storage/*"));
        bridge.onAccepted(new Accepted(resilvered("c")));
        assertThat(bridge.stats()).containsEntry("unheard", 2L).containsEntry("posted", 1L);
        assertThat(eventAdmin.posted).hasSize(1);
    }
}
