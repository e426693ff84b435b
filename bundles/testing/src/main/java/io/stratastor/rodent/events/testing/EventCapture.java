package io.stratastor.rodent.events.testing;

import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.spi.EmitterFactory;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Captures the events a module emits, for its tests.
 *
 * <pre>{@code
 * // plain JUnit: the real IdentityEvents emitter, its events captured instead of shipped
 * EventCapture capture = EventCapture.standalone();
 * UserManager users = new UserManager(capture.emitter(IdentityEvents.class));
 * users.create("alice");
 * capture.assertEmitted(EventTypes.IDENTITY_USER_CREATED)
 *         .hasLevel(Level.INFO).hasMetadata(Meta.USER, "alice").hasPayloadField("username", "alice");
 *
 * // inside OSGi (Pax Exam): every event the node's pipeline accepts
 * try (EventCapture capture = EventCapture.inFramework(bundleContext)) { ... capture.await(1, Duration.ofSeconds(10)); }
 * }</pre>
 *
 * Thread-safe: events may arrive from any thread while the test reads them.
 */
public final class EventCapture implements AutoCloseable {
    private final EventCatalog catalog = EventCatalog.fromSchema();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<CapturedEvent> events = new ArrayList<>();
    private final boolean inFramework;
    private volatile ServiceRegistration<EventTap> registration;

    private EventCapture(boolean inFramework) {
        this.inFramework = inFramework;
    }

    /** A capture without OSGi; get the emitters the module under test needs from {@link #emitter}. */
    public static EventCapture standalone() {
        return new EventCapture(false);
    }

    /**
     * A capture of every event the node's pipeline accepts (after its level and category filters),
     * through an {@link EventTap} service registered with {@code context}; {@link #close()} removes it.
     */
    public static EventCapture inFramework(BundleContext context) {
        EventCapture capture = new EventCapture(true);
        capture.registration = context.registerService(EventTap.class, capture::accept, null);
        return capture;
    }

    /**
     * The real emitter of a typed emitter interface ({@code StorageEvents.class},
     * {@code IdentityEvents.class}, {@code LegacyEventEmitter.class}, …), its events checked as
     * the core checks them and captured here. The category bundle's {@link EmitterFactory} is
     * found with {@link ServiceLoader} on the class path this class was loaded from. Standalone
     * captures only: inside OSGi, inject the service.
     *
     * @throws IllegalStateException when the category's bundle is not on the class path
     */
    public <T> T emitter(Class<T> emitterType) {
        if (inFramework) {
            throw new IllegalStateException("inside OSGi, use the " + emitterType.getSimpleName() + " service; this capture taps the pipeline");
        }
        for (EmitterFactory<?> factory : ServiceLoader.load(EmitterFactory.class, EventCapture.class.getClassLoader())) {
            if (factory.emitterType() == emitterType) {
                return emitterType.cast(factory.newEmitter(new StandalonePublisher(catalog, this::accept)));
            }
        }
        // io.stratastor.rodent.events.api.<bundle>.<Type> comes from the bundle <bundle>.
        String apiPackage = emitterType.getPackageName();
        String bundle = apiPackage.substring(apiPackage.lastIndexOf('.') + 1);
        throw new IllegalStateException("no emitter for " + emitterType.getName() + " on the class path; add "
                + artifactOf(bundle) + " (or rodent-events-testing, which brings them all) to the test class path");
    }

    // The artifact is named for the bundle, except where the category's label has two words.
    private static String artifactOf(String bundle) {
        return "rodent-events-" + (bundle.equals("datatransfer") ? "data-transfer" : bundle);
    }

    void accept(Event envelope) {
        CapturedEvent event = CapturedEvent.of(envelope, catalog);
        lock.lock();
        try {
            events.add(event);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Everything captured so far, oldest first. */
    public List<CapturedEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** The captured events of one dotted type, oldest first. */
    public List<CapturedEvent> events(String eventType) {
        return events().stream().filter(e -> e.eventType().equals(eventType)).collect(Collectors.toList());
    }

    /** Waits until at least {@code count} events were captured, or the timeout passes. */
    public boolean await(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (events.size() < count) {
                if (left <= 0) {
                    return false;
                }
                left = arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Assertions on the first captured event of {@code eventType}.
     *
     * @throws AssertionError listing what was captured when no such event was
     */
    public CapturedEventAssert assertEmitted(String eventType) {
        List<CapturedEvent> matching = events(eventType);
        if (matching.isEmpty()) {
            throw new AssertionError("expected an event of type " + eventType + ", but " + describe(events()));
        }
        return new CapturedEventAssert(matching.get(0));
    }

    /** Fails, listing them, when events of {@code eventType} were captured. */
    public void assertNotEmitted(String eventType) {
        List<CapturedEvent> matching = events(eventType);
        if (!matching.isEmpty()) {
            throw new AssertionError("expected no event of type " + eventType + ", but " + describe(matching));
        }
    }

    /** Fails, listing what was captured, unless exactly {@code expected} events of {@code eventType} were. */
    public void assertCount(String eventType, int expected) {
        List<CapturedEvent> matching = events(eventType);
        if (matching.size() != expected) {
            throw new AssertionError("expected " + expected + " events of type " + eventType + ", but " + describe(events()));
        }
    }

    /** Forgets what was captured. */
    public void clear() {
        lock.lock();
        try {
            events.clear();
        } finally {
            lock.unlock();
        }
    }

    private static String describe(List<CapturedEvent> captured) {
        if (captured.isEmpty()) {
            return "nothing was captured";
        }
        StringBuilder text = new StringBuilder(captured.size() + " captured:");
        captured.forEach(e -> text.append("\n  ").append(e));
        return text.toString();
    }

    /** Removes the tap of an in-framework capture; idempotent. */
    @Override
    public void close() {
        ServiceRegistration<EventTap> current = registration;
        if (current != null) {
            registration = null;
            try {
                current.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework stopped first and took the registration with it.
            }
        }
    }
}
