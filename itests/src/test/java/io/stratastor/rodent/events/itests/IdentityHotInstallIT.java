package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.examples.adusers.AdUserDirectory;
import java.io.File;
import java.time.Duration;
import java.util.List;
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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The migration pattern at run time: a module with an optional, dynamic reference to the identity
 * emitter runs without the identity bundle, and its events flow to Toggle once the bundle is
 * installed — no restart of the module.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityHotInstallIT {
    private static final String TOKEN = "itest-token-hot";

    @Inject private BundleContext context;
    @Inject private ServiceComponentRuntime scr;
    @Inject private ConfigurationAdmin configAdmin;
    @Inject private EventSystem eventSystem;
    @Inject private AdUserDirectory directory;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(IdentityHotInstallIT.class, TOKEN);
        return new Option[] {NodeOptions.node("bundle.identity"), NodeOptions.jar("bundle.example.adusers")};
    }

    @Test
    public void moduleEmitsOnceTheIdentityBundleArrives() throws Exception {
        ToggleView toggle = new ToggleView(IdentityHotInstallIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        Conditions.await("the core to take the Toggle address", Duration.ofSeconds(30),
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);
        assertNull("no identity emitter yet", context.getServiceReference(IdentityEvents.class));

        directory.createUser("alice", "Alice", "corp.example");
        assertTrue("the module works without the identity bundle", directory.isEnabled("alice"));
        assertTrue(eventSystem.flush(10_000));
        assertEquals("nothing emitted without the identity bundle but the node's own events", eventSystem.stats().get("node_events"),
                eventSystem.stats().get("emitted"));

        Bundle identity = context.installBundle(new File(NodeOptions.path("bundle.identity")).toURI().toString());
        identity.start();
        Conditions.await("the module to bind the identity emitter", Duration.ofSeconds(30), this::moduleBoundIdentity,
                () -> "no binding yet");

        directory.disableUser("alice");

        assertTrue("flushed: " + eventSystem.stats(), eventSystem.flush(30_000));
        assertTrue("Toggle received the event", toggle.awaitUnique(1, Duration.ofSeconds(30)));
        List<ReceivedEvent> events = toggle.events();
        assertEquals(1, events.size());
        ReceivedEvent event = events.get(0);
        assertEquals(EventTypes.IDENTITY_USER_DISABLED, event.type());
        assertEquals("ad-user-manager", event.source());
        assertEquals(List.of(), event.problems());
        assertEquals("alice", event.payload().get("username"));
        // enabled = false is the zero value: Go's json.Marshal leaves it out.
        assertFalse(event.payload().containsKey("enabled"));
    }

    private boolean moduleBoundIdentity() {
        for (Bundle bundle : context.getBundles()) {
            if (!"io.stratastor.rodent.events.examples.adusers".equals(bundle.getSymbolicName())) {
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.satisfiedReferences.length > 0 && configuration.satisfiedReferences[0].boundServices.length > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
