package io.stratastor.rodent.events.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import java.io.File;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deployment under load (issue 5, item 4): while events flow at a steady rate, a category
 * bundle is installed, another uninstalled, the core updated and the shell restarted; every event
 * the core accepted (as an {@link EventTap} saw it) reaches Toggle, and nothing else does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeploymentIT {
    private static final Logger LOG = LoggerFactory.getLogger(HotDeploymentIT.class);
    private static final String TOKEN = "itest-token-hot-deploy";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long EVENTS_PER_SECOND = 1000;
    /** Events that must be accepted after each step, to show the flow went on. */
    private static final int FLOWING = 1000;
    private static final String CORE = "io.stratastor.rodent.events.core";
    private static final String SHELL = "io.stratastor.rodent.events.shell";

    @Inject private BundleContext context;
    @Inject private ConfigurationAdmin configAdmin;

    /** Accepted event ids, with the step during which the tap saw them (the evidence of a loss). */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> acceptedSharing = ConcurrentHashMap.newKeySet();
    private volatile String step = "start";

    @Configuration
    public Option[] configure() {
        ToggleBridge.start(HotDeploymentIT.class, TOKEN);
        return new Option[] {NodeOptions.node("bundle.sharing")};
    }

    @Test
    public void installUninstallCoreUpdateAndShellRestartUnderLoadDeliverExactlyTheAcceptedEvents() throws Exception {
        ToggleView toggle = new ToggleView(HotDeploymentIT.class);
        NodeConfig.toggle(configAdmin, toggle.address(), TOKEN);
        EventSystem first = service(EventSystem.class);
        Conditions.await("the core to take the Toggle address", PATIENCE,
                () -> toggle.address().equals(first.stats().get("toggle_address")), first::stats);
        assertTrue("no sharing emitter at the start", emitterReferences("sharing").isEmpty());

        // The shell's tap first, so that the count of bound taps settles on the probe's.
        Conditions.await("the shell's tap to register", PATIENCE, () -> hasTapFrom(bundle(SHELL)), first::stats);
        ServiceRegistration<EventTap> tap = context.registerService(EventTap.class, this::record, null);
        Conditions.await("the core to bind every tap, the probe's too", PATIENCE,
                () -> ((Number) first.stats().get("taps")).intValue() == tapCount(), first::stats);

        Load load = new Load(context);
        Thread loader = new Thread(load, "hot-deployment-load");
        long started = System.nanoTime();
        loader.start();
        try {
            awaitFlowing("the load to flow", load);

            step = "install sharing";
            Bundle sharing = context.installBundle(new File(NodeOptions.path("bundle.sharing")).toURI().toString());
            sharing.start();
            awaitActive(sharing);
            Conditions.await("the sharing emitter to register", PATIENCE, () -> !emitterReferences("sharing").isEmpty(), load::state);
            Conditions.await("sharing events to be accepted", PATIENCE, () -> !acceptedSharing.isEmpty(), load::state);
            awaitFlowing("the flow after installing sharing", load);

            step = "uninstall network";
            bundle("io.stratastor.rodent.events.network").uninstall();
            Conditions.await("the network emitter to leave", PATIENCE, () -> emitterReferences("network").isEmpty(), load::state);
            awaitFlowing("the flow after uninstalling network", load);

            step = "update core";
            long oldSystem = serviceId(EventSystem.class);
            Bundle core = bundle(CORE);
            core.update();
            awaitActive(core);
            Conditions.await("a new EventSystem from the updated core", PATIENCE,
                    () -> serviceId(EventSystem.class) > oldSystem, load::state);
            awaitFlowing("the flow after updating the core", load);

            step = "restart shell";
            Bundle shell = bundle(SHELL);
            shell.stop();
            Conditions.await("the shell's tap to leave", PATIENCE, () -> !hasTapFrom(shell), load::state);
            shell.start();
            awaitActive(shell);
            Conditions.await("the shell's tap to return", PATIENCE, () -> hasTapFrom(shell), load::state);
            awaitFlowing("the flow after restarting the shell", load);
            step = "end";
        } finally {
            load.stop();
            loader.join(PATIENCE.toMillis());
            tap.unregister();
        }
        LOG.info("Load stopped after {} ms: {}", Duration.ofNanos(System.nanoTime() - started).toMillis(), load.state());
        assertFalse("the load thread ended", loader.isAlive());

        EventSystem current = service(EventSystem.class);
        assertTrue("flushed: " + current.stats(), current.flush(PATIENCE.toMillis()));
        Map<String, String> acceptedNow = new TreeMap<>(accepted);
        boolean all = toggle.awaitUnique(acceptedNow.size(), PATIENCE);
        Set<String> delivered = toggle.events().stream().map(ReceivedEvent::eventId).collect(Collectors.toSet());
        Map<String, String> lost = new TreeMap<>(acceptedNow);
        lost.keySet().removeAll(delivered);
        Set<String> unaccounted = new HashSet<>(delivered);
        unaccounted.removeAll(acceptedNow.keySet());
        LOG.info("Accepted {}, delivered {}, lost {}, delivered but not accepted {}; load {}; stats {}", acceptedNow.size(),
                delivered.size(), lost.size(), unaccounted.size(), load.state(), current.stats());

        assertTrue("accepted ids missing at Toggle (id=step when accepted): " + firstOf(lost) + "; lost by step "
                + countByStep(lost) + "; stats " + current.stats(), lost.isEmpty());
        assertTrue("Toggle has ids the tap never saw: " + unaccounted.stream().limit(20).collect(Collectors.toList()),
                unaccounted.isEmpty());
        assertTrue("Toggle holds all accepted events", all);
        assertEquals(acceptedNow.keySet(), delivered);
        assertTrue("a large load was accepted: " + acceptedNow.size(), acceptedNow.size() >= 5 * FLOWING);
        assertTrue("events of the newly installed sharing category were accepted and delivered",
                !acceptedSharing.isEmpty() && delivered.containsAll(acceptedSharing));
    }

    // The node's own events (a core update emits a shutdown and a startup) are counted apart at Toggle too.
    private void record(Event event) {
        if ("rodent-events-core".equals(event.getMetadataMap().get("emitted_by"))) {
            return;
        }
        accepted.put(event.getEventId(), step);
        if (event.getCategory() == EventCategory.EVENT_CATEGORY_SHARING) {
            acceptedSharing.add(event.getEventId());
        }
    }

    private void awaitFlowing(String what, Load load) {
        int target = accepted.size() + FLOWING;
        Conditions.await(what, PATIENCE, () -> accepted.size() >= target, load::state);
    }

    private void awaitActive(Bundle bundle) {
        Conditions.await(bundle.getSymbolicName() + " to be ACTIVE", PATIENCE, () -> bundle.getState() == Bundle.ACTIVE,
                bundle::getState);
    }

    private List<ServiceReference<CategoryEmitter>> emitterReferences(String label) {
        try {
            return List.copyOf(context.getServiceReferences(CategoryEmitter.class,
                    "(" + CategoryEmitter.CATEGORY_PROPERTY + "=" + label + ")"));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // Both kinds of tap the core binds: EventTap and EncodedEventTap (the shell's tail).
    private List<ServiceReference<?>> taps() {
        try {
            List<ServiceReference<?>> taps = new java.util.ArrayList<>(context.getServiceReferences(EventTap.class, null));
            taps.addAll(context.getServiceReferences(EncodedEventTap.class, null));
            return taps;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private boolean hasTapFrom(Bundle bundle) {
        for (ServiceReference<?> reference : taps()) {
            if (reference.getBundle() != null && reference.getBundle().getBundleId() == bundle.getBundleId()) {
                return true;
            }
        }
        return false;
    }

    private int tapCount() {
        return taps().size();
    }

    private long serviceId(Class<?> type) {
        ServiceReference<?> reference = context.getServiceReference(type);
        return reference == null ? -1 : (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    // The core's services change when it is updated: wait for the current one.
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

    private static String firstOf(Map<String, String> lost) {
        return lost.entrySet().stream().limit(20).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Long> countByStep(Map<String, String> lost) {
        return lost.values().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    }

    /**
     * One thread emitting at a steady pace, round-robin over the category emitters currently
     * registered, each event a valid type of its category with that type's payload. A call may
     * fail while its service goes away: that is counted, and the event is simply not accepted.
     */
    private static final class Load implements Runnable {
        private static final long PERIOD_NANOS = 1_000_000_000L / EVENTS_PER_SECOND;
        private static final long MAX_LAG_NANOS = 100_000_000L;

        private final ServiceTracker<CategoryEmitter, CategoryEmitter> emitters;
        private final Map<Category, List<EventTypeDefinition>> types = new EnumMap<>(Category.class);
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong idle = new AtomicLong();
        private volatile String lastFailure = "";
        private volatile boolean running = true;

        Load(BundleContext context) {
            EventCatalog catalog = EventCatalog.fromSchema();
            for (Category category : Category.values()) {
                types.put(category, catalog.types(category.wireValue()));
            }
            emitters = new ServiceTracker<>(context, CategoryEmitter.class, null);
            emitters.open();
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            long seq = 0;
            try {
                while (running) {
                    long now = System.nanoTime();
                    if (now < next) {
                        LockSupport.parkNanos(next - now);
                        continue;
                    }
                    // After a stall (a blocked call, a busy machine) keep the pace rather than burst.
                    next = Math.max(next, now - MAX_LAG_NANOS) + PERIOD_NANOS;
                    emitOne(seq++);
                }
            } finally {
                emitters.close();
            }
        }

        private void emitOne(long seq) {
            ServiceReference<CategoryEmitter>[] references = emitters.getServiceReferences();
            if (references == null || references.length == 0) {
                idle.incrementAndGet();
                return;
            }
            ServiceReference<CategoryEmitter> reference = references[(int) (seq % references.length)];
            CategoryEmitter emitter = emitters.getService(reference);
            Object label = reference.getProperty(CategoryEmitter.CATEGORY_PROPERTY);
            if (emitter == null || label == null) {
                idle.incrementAndGet();
                return;
            }
            List<EventTypeDefinition> ofCategory = types.get(Category.parse(label.toString()));
            EventTypeDefinition type = ofCategory.get((int) ((seq / references.length) % ofCategory.size()));
            Message payload = type.payloadPrototype().orElse(null);
            attempts.incrementAndGet();
            try {
                emitter.emit("hot-deployment-it", type.eventType(), Level.INFO, payload, Map.of("seq", Long.toString(seq)));
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                lastFailure = e.toString();
            }
        }

        void stop() {
            running = false;
        }

        Object state() {
            return "attempts " + attempts.get() + ", failures " + failures.get() + " (last: " + lastFailure + "), idle "
                    + idle.get() + ", emitters " + emitters.size();
        }
    }
}
