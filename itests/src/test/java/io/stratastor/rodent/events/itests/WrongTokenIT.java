package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/** A refused token holds every event, shows in the stats, and delivery resumes once the token is fixed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WrongTokenIT {
    private static final String RIGHT_TOKEN = "itest-token-right";
    private static final String WRONG_TOKEN = "itest-token-wrong";

    @Inject
    private StorageEvents storage;
    @Inject
    private EventSystem eventSystem;
    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(WrongTokenIT.class, RIGHT_TOKEN);
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void wrongTokenLosesNothingAndShowsTheAuthenticationFailure() throws Exception {
        ToggleView toggle = new ToggleView(WrongTokenIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), WRONG_TOKEN);
        Conditions.await("the core to take the Toggle address", Duration.ofSeconds(30),
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);

        for (int i = 0; i < 3; i++) {
            storage.emitDataset(EventTypes.STORAGE_DATASET_CREATED, Level.INFO,
                    StorageDatasetPayload.newBuilder().setDatasetName("tank/home" + i).setPoolName("tank").build(), null);
        }
        assertFalse("nothing can be flushed with a refused token", eventSystem.flush(500));
        Conditions.await("the authentication failure in the stats", Duration.ofSeconds(30),
                () -> "auth_failed".equals(eventSystem.stats().get("toggle_state")), eventSystem::stats);

        Map<String, Object> stats = eventSystem.stats();
        // The three, and the node's own events (its startup, the configuration change) held with them.
        assertEquals(3 + (long) stats.get("node_events"), ((Number) stats.get("pending")).longValue());
        assertEquals(0L, stats.get("sent"));
        assertTrue("auth failures counted: " + stats, (Long) stats.get("auth_failures") >= 1);
        assertTrue("last error names the refusal: " + stats, String.valueOf(stats.get("last_error")).contains("UNAUTHENTICATED"));
        assertTrue("Toggle saw refused calls", toggle.rejectedCalls() >= 1);
        for (Object value : stats.values()) {
            assertFalse("stats never show the token", String.valueOf(value).contains(WRONG_TOKEN));
        }

        NodeConfig.toggle(configAdmin, toggle.address(), RIGHT_TOKEN);

        assertTrue("Toggle received all three: " + eventSystem.stats(), toggle.awaitUnique(3, Duration.ofSeconds(30)));
        Set<String> datasets = toggle.events().stream().map(WrongTokenIT::datasetName).collect(Collectors.toSet());
        assertEquals(Set.of("tank/home0", "tank/home1", "tank/home2"), datasets);
        assertTrue(eventSystem.flush(30_000));
        assertEquals(3L + (long) eventSystem.stats().get("node_events"), eventSystem.stats().get("sent"));
    }

    private static String datasetName(ReceivedEvent event) {
        if (!event.problems().isEmpty()) {
            throw new AssertionError("payload of " + event.eventId() + " does not decode: " + event.problems());
        }
        return (String) event.payload().get("dataset_name");
    }
}
