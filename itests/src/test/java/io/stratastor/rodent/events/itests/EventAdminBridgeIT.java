package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import io.stratastor.rodent.events.proto.events.NetworkInterfacePayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The Event Admin bridge in a real Felix with Apache Felix Event Admin, as the distribution ships
 * them: an ordinary {@link EventHandler} (registered by this probe bundle) subscribed to
 * {@code rodent/events/*} receives the events of several categories with every envelope field.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventAdminBridgeIT {
    private static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final Set<String> EMITTED = Set.of(EventTypes.STORAGE_POOL_RESILVERED, EventTypes.IDENTITY_USER_CREATED,
            EventTypes.NETWORK_INTERFACE_DOWN);

    @Inject private BundleContext context;
    @Inject private ServiceComponentRuntime scr;
    @Inject private StorageEvents storage;
    @Inject private IdentityEvents identity;
    @Inject private NetworkEvents network;

    @Configuration
    public Option[] configure() {
        return new Option[] {NodeOptions.node(), NodeOptions.jar("bundle.felix.eventadmin"), NodeOptions.jar("bundle.eventadmin"),
                CoreOptions.systemTimeout(60_000)};
    }

    @Test
    public void handlerSubscribedByWildcardReceivesEveryFieldOfEachCategory() throws Exception {
        assertBridgeActive();
        List<Event> received = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> subscription = new Hashtable<>();
        subscription.put(EventConstants.EVENT_TOPIC, "rodent/events/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, event -> {
            if (EMITTED.contains(event.getProperty("type"))) {
                received.add(event);
            }
        }, subscription);
        try {
            long before = System.currentTimeMillis();
            StoragePoolResilverPayload resilver = StoragePoolResilverPayload.newBuilder().setPoolName("tank").setDurationSeconds(3600)
                    .setBytesResilvered(1L << 40).setSuccess(true).build();
            storage.emitPoolResilver(resilver, Map.of("pool", "tank"));
            IdentityUserPayload user = IdentityUserPayload.newBuilder().setUsername("alice").addGroups("staff").addGroups("admins")
                    .setEnabled(true).build();
            identity.emitUser(EventTypes.IDENTITY_USER_CREATED, Level.INFO, user, Map.of("user", "alice"));
            NetworkInterfacePayload nic = NetworkInterfacePayload.newBuilder().setInterfaceName("eth0").setMtu(9000).build();
            network.emitInterface(EventTypes.NETWORK_INTERFACE_DOWN, Level.ERROR, nic, Map.of("interface", "eth0"));

            Conditions.await("the three events at the handler", Duration.ofSeconds(30), () -> received.size() >= 3, () -> received);
            long after = System.currentTimeMillis();
            assertEquals(3, received.size());

            Event pool = only(received, EventTypes.STORAGE_POOL_RESILVERED);
            assertEnvelope(pool, "rodent/events/storage/pool/resilvered", "info", "storage", StorageEvents.POOL_SOURCE, before, after);
            assertEquals(Map.of("pool", "tank"), pool.getProperty("metadata"));
            assertEquals(Map.of("pool_name", "tank", "duration_seconds", 3600L, "bytes_resilvered", 1L << 40, "success", true),
                    pool.getProperty("payload"));
            assertEquals(resilver, pool.getProperty("payload.message"));
            assertEquals("rodent.events.StoragePoolResilverPayload", pool.getProperty("payload.type"));

            Event created = only(received, EventTypes.IDENTITY_USER_CREATED);
            assertEnvelope(created, "rodent/events/identity/user/created", "info", "identity", IdentityEvents.USER_SOURCE, before, after);
            assertEquals(Map.of("user", "alice"), created.getProperty("metadata"));
            Map<?, ?> userValues = (Map<?, ?>) created.getProperty("payload");
            assertEquals("alice", userValues.get("username"));
            assertEquals(List.of("staff", "admins"), userValues.get("groups"));
            assertEquals(true, userValues.get("enabled"));
            assertEquals(user, created.getProperty("payload.message"));

            Event down = only(received, EventTypes.NETWORK_INTERFACE_DOWN);
            assertEnvelope(down, "rodent/events/network/interface/down", "error", "network", NetworkEvents.INTERFACE_SOURCE, before, after);
            assertEquals(Map.of("interface", "eth0"), down.getProperty("metadata"));
            assertEquals(9000L, ((Map<?, ?>) down.getProperty("payload")).get("mtu"));
            assertEquals(nic, down.getProperty("payload.message"));
        } finally {
            handler.unregister();
        }
    }

    private static void assertEnvelope(Event event, String topic, String level, String category, String source, long before,
            long after) {
        assertEquals(topic, event.getTopic());
        assertTrue("id is a UUIDv7: " + event.getProperty("id"), String.valueOf(event.getProperty("id")).matches(UUID_V7));
        assertEquals(level, event.getProperty("level"));
        assertEquals(category, event.getProperty("category"));
        assertEquals(source, event.getProperty("source"));
        long timestamp = (Long) event.getProperty(EventConstants.TIMESTAMP);
        assertTrue("timestamp " + timestamp + " at emission", timestamp >= before && timestamp <= after);
    }

    private static Event only(List<Event> events, String type) {
        List<Event> ofType = events.stream().filter(event -> type.equals(event.getProperty("type"))).toList();
        assertEquals("events of " + type + ": " + events, 1, ofType.size());
        return ofType.get(0);
    }

    private void assertBridgeActive() {
        Bundle bridge = List.of(context.getBundles()).stream()
                .filter(bundle -> "io.stratastor.rodent.events.eventadmin".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
        assertEquals("bridge bundle state", Bundle.ACTIVE, bridge.getState());
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bridge)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                int state = !description.immediate && configuration.state == ComponentConfigurationDTO.SATISFIED
                        ? ComponentConfigurationDTO.ACTIVE : configuration.state;
                assertEquals(description.name + " state", ComponentConfigurationDTO.ACTIVE, state);
                components++;
            }
        }
        assertEquals("the bridge and its command", 2, components);
    }
}
