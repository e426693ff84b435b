package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Updating the core bundle and removing and returning a category bundle while Toggle is down lose
 * nothing: what was accepted waits in the spool and is delivered once Toggle is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleLifecycleIT {
    private static final String TOKEN = "itest-token-lifecycle";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject private BundleContext context;
    @Inject private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(BundleLifecycleIT.class, TOKEN);
        return new Option[] {NodeOptions.node()};
    }

    @Test
    public void coreUpdateAndCategoryReturnLoseNothingAcceptedWhileToggleIsDown() throws Exception {
        ToggleView toggle = new ToggleView(BundleLifecycleIT.class);
        toggle.down(true);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        EventSystem eventSystem = service(EventSystem.class);
        Conditions.await("the core to take the Toggle address", PATIENCE,
                () -> toggle.address().equals(eventSystem.stats().get("toggle_address")), eventSystem::stats);

        emit(1, 100);
        Bundle core = bundle("io.stratastor.rodent.events.core");
        core.update();
        emit(101, 200);
        Bundle storage = bundle("io.stratastor.rodent.events.storage");
        storage.uninstall();
        Conditions.await("the storage emitter to leave", PATIENCE, () -> context.getServiceReference(StorageEvents.class) == null,
                () -> "still registered");
        Bundle returned = context.installBundle(new File(NodeOptions.path("bundle.storage")).toURI().toString());
        returned.start();
        emit(201, 300);
        Map<String, Object> beforeToggle = service(EventSystem.class).stats();
        assertEquals("nothing reached the Toggle while it was down", 0L, (long) toggle.events().size());

        toggle.down(false);

        assertTrue("Toggle received all 300: " + service(EventSystem.class).stats() + " before: " + beforeToggle,
                toggle.awaitUnique(300, PATIENCE));
        Set<Integer> seqs = new TreeSet<>();
        for (ReceivedEvent event : toggle.events()) {
            seqs.add(Integer.parseInt(event.metadata().get("seq")));
        }
        assertEquals(300, seqs.size());
        assertEquals(Integer.valueOf(1), ((TreeSet<Integer>) seqs).first());
        assertEquals(Integer.valueOf(300), ((TreeSet<Integer>) seqs).last());
    }

    private void emit(int from, int to) throws Exception {
        StorageEvents storage = service(StorageEvents.class);
        for (int seq = from; seq <= to; seq++) {
            storage.emitPool(EventTypes.STORAGE_POOL_STATUS_CHANGED, Level.INFO,
                    StoragePoolPayload.newBuilder().setPoolName("tank").build(), Map.of("seq", Integer.toString(seq)));
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    // Services come back after an update or a reinstall: wait for the current one.
    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(PATIENCE.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getSimpleName() + " service within " + PATIENCE);
            }
            return service;
        } finally {
            tracker.close();
        }
    }
}
