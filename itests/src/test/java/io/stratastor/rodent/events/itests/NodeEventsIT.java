package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The node's own events, as upstream Rodent emits them: system.startup once the core is up (held
 * until a Toggle is set), system.config.changed naming the changed keys and never a value, and
 * system.shutdown on a graceful stop: delivered before the core stops when Toggle is up, kept in
 * the spool and delivered after the restart when it is not.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeEventsIT {
    private static final String TOKEN = "itest-token-node-events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject private BundleContext context;
    @Inject private ConfigurationAdmin configAdmin;
    @Inject private EventSystem eventSystem;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(NodeEventsIT.class, TOKEN);
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void startupConfigChangeAndShutdownReachToggle() throws Exception {
        ToggleView toggle = new ToggleView(NodeEventsIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);

        assertTrue("startup and the configuration change arrive", toggle.awaitNodeEvents(2, PATIENCE));
        ReceivedEvent startup = only(toggle, "system.startup");
        assertEquals("system", startup.source());
        assertTrue("services started: " + startup.payload(), ((List<?>) startup.payload().get("services_started")).contains("core"));
        assertTrue(startup.payload().containsKey("version") && startup.payload().containsKey("hostname"));
        ReceivedEvent changed = only(toggle, "system.config.changed");
        List<?> keys = (List<?>) changed.payload().get("affected_components");
        assertTrue("changed keys: " + keys, keys.contains("toggle.address") && keys.contains("toggle.jwt"));
        assertTrue("no value travels: " + changed, !changed.toString().contains(TOKEN));

        Bundle core = core();
        core.stop();
        assertTrue("the shutdown event reached Toggle before the core stopped", toggle.events().isEmpty()
                && toggle.nodeEvents().stream().anyMatch(event -> event.type().equals("system.shutdown")));

        // Toggle down: the next shutdown waits in the spool and goes after the restart.
        core.start();
        awaitCore();
        toggle.down(true);
        core.stop();
        core.start();
        awaitCore();
        toggle.down(false);
        assertTrue("both shutdowns and the three startups", toggle.awaitNodeEvents(6, PATIENCE));
        assertEquals(2, toggle.nodeEvents().stream().filter(event -> event.type().equals("system.shutdown")).count());
    }

    private static ReceivedEvent only(ToggleView toggle, String type) {
        List<ReceivedEvent> events = toggle.nodeEvents().stream().filter(event -> event.type().equals(type)).collect(Collectors.toList());
        assertEquals(type + ": " + events, 1, events.size());
        assertEquals(List.of(), events.get(0).problems());
        return events.get(0);
    }

    private Bundle core() {
        for (Bundle bundle : context.getBundles()) {
            if ("io.stratastor.rodent.events.core".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("no core bundle");
    }

    private void awaitCore() throws InterruptedException {
        ServiceTracker<EventSystem, EventSystem> tracker = new ServiceTracker<>(context, EventSystem.class, null);
        tracker.open();
        try {
            assertTrue("the core came back", tracker.waitForService(PATIENCE.toMillis()) != null);
        } finally {
            tracker.close();
        }
    }
}
