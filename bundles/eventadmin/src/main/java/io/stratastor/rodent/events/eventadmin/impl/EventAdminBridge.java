package io.stratastor.rodent.events.eventadmin.impl;

import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the events the pipeline accepts to Event Admin, on {@code rodent/events/<type as tokens>}
 * ({@link EventTopics}) with the envelope as properties ({@link EventProperties}). The emitting
 * thread only filters and copies the bytes into the hand-off; the {@link PostingLoop}'s thread does
 * the rest, so Event Admin never slows or fails an emitter. While no handler listens on our topics
 * ({@link TopicListeners}) nothing is copied or posted. Reconfiguration: {@link Modified} swaps
 * the validated settings atomically; a refused configuration is logged naming the key and the
 * previous one kept. Thread-safe.
 */
@Component(service = {EncodedEventTap.class, EventAdminBridge.class}, immediate = true, configurationPid = EventAdminBridge.PID)
@Designate(ocd = EventAdminBridge.Config.class)
public final class EventAdminBridge implements EncodedEventTap {
    static final String PID = "rodent.events.eventadmin";
    static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventAdminBridge.class);

    /** Configuration PID {@value EventAdminBridge#PID}. */
    @ObjectClassDefinition(id = PID, name = "Rodent Events Event Admin bridge",
            description = "Which accepted events are posted to OSGi Event Admin, on topics rodent/events/<type with / for .>.")
    @interface Config {
        @AttributeDefinition(name = "Types", description = "Event types to post: a dotted type, a dotted prefix (storage.pool)"
                + " or a glob with * and ? (storage.*.created); any one matching is enough.")
        String[] types() default {EventSelection.ALL_TYPES};

        @AttributeDefinition(name = "Categories", description = "Categories to post (storage, identity, data_transfer, ...);"
                + " none: every category.")
        String[] categories() default {};

        @AttributeDefinition(name = "Lowest level", description = "Post only events at this level or above (trace, debug, info,"
                + " warn, error and essential together, critical); empty: every level.")
        String min__level() default "";

        @AttributeDefinition(name = "Queue capacity", description = "Events that may wait for Event Admin, from 1 to 1000000;"
                + " beyond, an event is not posted and counted as full.", min = "1", max = "1000000")
        int queue__capacity() default DEFAULT_QUEUE_CAPACITY;
    }

    private final BridgeCounters counters = new BridgeCounters();
    private final TopicListeners listeners = new TopicListeners();
    private final PostingLoop loop;
    private final RateLimitedLog failureLog = new RateLimitedLog(Duration.ofMinutes(1).toNanos(), System::nanoTime);
    private volatile BridgeSettings settings;

    @Activate
    public EventAdminBridge(@Reference EventAdmin eventAdmin, Config config) {
        BridgeSettings checked = checked(config);
        this.settings = checked != null ? checked : BridgeSettings.defaults();
        this.loop = new PostingLoop(eventAdmin, new EventProperties(EventCatalog.fromSchema()), counters,
                () -> settings.queueCapacity(), System::nanoTime);
        loop.start();
        LOG.info("Event Admin bridge started: posting on {}*", EventTopics.PREFIX);
    }

    /** A handler of Event Admin's came or changed: whether it listens on our topics is all that is read, never the service itself. */
    @Reference(name = "handlers", service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeHandler", updated = "updatedHandler")
    void addHandler(Map<String, Object> properties) {
        listeners.put(properties);
    }

    void updatedHandler(Map<String, Object> properties) {
        listeners.put(properties);
    }

    void removeHandler(Map<String, Object> properties) {
        listeners.remove(properties);
    }

    @Modified
    void modified(Config config) {
        BridgeSettings checked = checked(config);
        if (checked != null) {
            settings = checked;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        loop.stop(STOP_BOUND);
        LOG.info("Event Admin bridge stopped: {}", stats());
    }

    // Null when refused: activation keeps the defaults, a change keeps the previous settings.
    private static BridgeSettings checked(Config config) {
        try {
            return BridgeSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused: {}; keeping the previous settings", PID, e.getMessage());
            return null;
        }
    }

    @Override
    public void onAccepted(AcceptedEvent event) {
        try {
            if (!settings.selection().selects(event.eventType(), event.category(), event.level())) {
                counters.filtered.increment();
                return;
            }
            if (!listeners.any()) {
                counters.unheard.increment();
                return;
            }
            byte[] encoded = new byte[event.encodedLength()];
            event.copyEncoded(encoded, 0);
            loop.offer(encoded);
        } catch (RuntimeException e) {
            // The emitter's thread: count, never throw.
            counters.failed.increment();
            failureLog.maybe(() -> LOG.warn("Event Admin bridge could not take an event ({} failure(s) since start): {}",
                    counters.failed.sum(), e.toString()));
        }
    }

    /** The counters ({@link BridgeCounters}) and the events waiting now. */
    public Map<String, Long> stats() {
        return counters.snapshot(loop.pending());
    }
}
