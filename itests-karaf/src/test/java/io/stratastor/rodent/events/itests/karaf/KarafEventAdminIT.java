package io.stratastor.rodent.events.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The {@code rodent-events-eventadmin} feature in a real Apache Karaf 4.4.10, on Karaf's own
 * {@code eventadmin} feature: an ordinary {@link EventHandler} registered by this probe bundle on
 * {@code rodent/events/*} receives each event with every envelope field, and
 * {@code events:eventadmin} shows the bridge's counters in Karaf's shell.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafEventAdminIT {
    private static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final long WAIT_SECONDS = 30;

    @Inject private BundleContext context;
    @Inject private StorageEvents storage;
    @Inject private IdentityEvents identity;
    @Inject private SessionFactory sessions;

    @Configuration
    public Option[] configure() {
        return new Option[] {KarafNode.withRodentEvents(Map.of()), KarafNode.alsoFeatures("rodent-events-eventadmin")};
    }

    @Test
    public void handlerSubscribedByWildcardReceivesEveryField() throws Exception {
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Dictionary<String, Object> subscription = new Hashtable<>();
        subscription.put(EventConstants.EVENT_TOPIC, "rodent/events/*");
        // The node's own events (system.*) are posted too; this test emits in other categories.
        subscription.put(EventConstants.EVENT_FILTER, "(!(category=system))");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, received::add, subscription);
        try {
            long before = System.currentTimeMillis();
            StoragePoolResilverPayload resilver = StoragePoolResilverPayload.newBuilder().setPoolName("tank").setDurationSeconds(60)
                    .setBytesResilvered(4096).setSuccess(true).build();
            storage.emitPoolResilver(resilver, Map.of("pool", "tank"));
            Event pool = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            IdentityUserPayload user = IdentityUserPayload.newBuilder().setUsername("bob").addGroups("staff").build();
            identity.emitUser(EventTypes.IDENTITY_USER_DELETED, Level.WARN, user, Map.of("user", "bob"));
            Event deleted = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            long after = System.currentTimeMillis();

            assertTrue("the resilver event arrived", pool != null);
            assertEquals("rodent/events/storage/pool/resilvered", pool.getTopic());
            assertTrue("id " + pool.getProperty("id"), String.valueOf(pool.getProperty("id")).matches(UUID_V7));
            assertEquals(EventTypes.STORAGE_POOL_RESILVERED, pool.getProperty("type"));
            assertEquals("info", pool.getProperty("level"));
            assertEquals("storage", pool.getProperty("category"));
            assertEquals(StorageEvents.POOL_SOURCE, pool.getProperty("source"));
            long timestamp = (Long) pool.getProperty(EventConstants.TIMESTAMP);
            assertTrue("timestamp " + timestamp + " at emission", timestamp >= before && timestamp <= after);
            assertEquals(Map.of("pool", "tank"), pool.getProperty("metadata"));
            assertEquals(Map.of("pool_name", "tank", "duration_seconds", 60L, "bytes_resilvered", 4096L, "success", true),
                    pool.getProperty("payload"));
            assertEquals(resilver, pool.getProperty("payload.message"));
            assertEquals("rodent.events.StoragePoolResilverPayload", pool.getProperty("payload.type"));

            assertTrue("the identity event arrived", deleted != null);
            assertEquals("rodent/events/identity/user/deleted", deleted.getTopic());
            assertEquals("warn", deleted.getProperty("level"));
            assertEquals("identity", deleted.getProperty("category"));
            assertEquals(IdentityEvents.USER_SOURCE, deleted.getProperty("source"));
            assertEquals(Map.of("user", "bob"), deleted.getProperty("metadata"));
            assertEquals(List.of("staff"), ((Map<?, ?>) deleted.getProperty("payload")).get("groups"));
            assertEquals(user, deleted.getProperty("payload.message"));

            String counters = new KarafConsole(sessions).run("events:eventadmin");
            List<String> lines = counters.lines().toList();
            assertTrue("counters in Karaf's shell: " + counters, lines.containsAll(List.of("full 0", "failed 0")));
            long posted = lines.stream().filter(line -> line.startsWith("posted ")).mapToLong(line -> Long.parseLong(line.substring(7)))
                    .findFirst().orElse(-1);
            assertTrue("counters in Karaf's shell: " + counters, posted >= 2);
        } finally {
            handler.unregister();
        }
    }
}
