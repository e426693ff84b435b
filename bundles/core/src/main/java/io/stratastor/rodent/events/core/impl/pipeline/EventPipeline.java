package io.stratastor.rodent.events.core.impl.pipeline;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import io.stratastor.rodent.events.core.impl.intake.Intake;
import io.stratastor.rodent.events.core.impl.intake.IntakeCounters;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.shipping.Shipper;
import io.stratastor.rodent.events.core.impl.shipping.ShippingClock;
import io.stratastor.rodent.events.core.impl.shipping.ShippingCounters;
import io.stratastor.rodent.events.core.impl.store.DeadLetters;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event pipeline without OSGi: an {@link Intake} that validates, filters and stores each
 * event, and a {@link Shipper} that empties the store into Toggle. Settings are swapped whole by
 * {@link #reconfigure}. Thread-safe: {@link #publish} is called by any number of emitters at once.
 */
public final class EventPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);
    // The size of a typical stored event, for max_buffer_size while the spool is empty.
    private static final long NOMINAL_EVENT_BYTES = 512;

    private final EventStore store;
    private final Intake intake;
    private final Shipper shipper;
    private final ShippingCounters shipped = new ShippingCounters();
    private final Clock clock;
    private volatile Settings settings;
    private volatile boolean closed;

    public EventPipeline(Settings settings, EventCatalog catalog, EventStore store, Clock clock, Random random,
            Function<ToggleSettings, ToggleTransport> transports, DeadLetters deadLetters) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.shipper = new Shipper(store, shipped, settings, ShippingClock.system(clock), random, transports, deadLetters,
                new WireEncoders(catalog));
        this.intake = new Intake(settings, catalog, store, clock, shipper::wake);
    }

    public void start() {
        shipper.start();
        intake.accepting(true);
        LOG.info("Event pipeline started: profile {}, {} events pending, Toggle {}", settings.profile().label(),
                store.size(), settings.toggle().configured() ? settings.toggle().address() : "not configured");
    }

    public boolean isAccepting() {
        return intake.isAccepting();
    }

    /** See {@code EventPublisher.publish}. */
    public void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        intake.publish(category, eventType, level, source, payload, metadata, false);
    }

    /** See {@code EventPublisher.publishLegacy}. */
    public void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        intake.publish(category, eventType, level, source, payload, metadata, true);
    }

    /** Replaces the taps told of each accepted event. */
    public void taps(List<EventTap> current) {
        intake.taps(current);
    }

    /** Replaces the taps told of each accepted event as its bytes. */
    public void encodedTaps(List<EncodedEventTap> current) {
        intake.encodedTaps(current);
    }

    /** See {@link Intake#requeue}. */
    public int requeue(List<Event> events) {
        return intake.requeue(events);
    }

    public void reconfigure(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        if (!old.sameSpool(newSettings)) {
            // The spool's files are open and mapped; its own settings apply when the core starts again.
            LOG.warn("Spool settings changed (directory, capacity, fsync, overflow, max_file_size): they apply at the next start of the core");
        }
        store.resize(newSettings.bufferSize());
        intake.reconfigure(newSettings);
        shipper.reconfigure(newSettings);
        if (!old.toggle().equals(newSettings.toggle()) || old.profile() != newSettings.profile()) {
            LOG.info("Event pipeline reconfigured: profile {}, {}", newSettings.profile().label(), newSettings.toggle());
        }
    }

    /** See {@code EventSystem.unmigratedTypes}. */
    public List<UnmigratedType> unmigratedTypes() {
        return intake.unmigratedTypes();
    }

    public boolean flush(Duration timeout) throws InterruptedException {
        return shipper.flush(timeout);
    }

    /** See {@code EventSystem.stats}: the map view of {@link #snapshot}, without the core's node events. */
    public Map<String, Object> stats() {
        return snapshot(OptionalLong.empty()).asMap();
    }

    /** See {@code EventSystem.snapshot}; {@code nodeEvents} is the component's to give. */
    public EventStats snapshot(OptionalLong nodeEvents) {
        Settings current = settings;
        IntakeCounters taken = intake.counters();
        Map<Level, Long> dropped = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            dropped.put(level, taken.droppedAt(level));
        }
        EventStats.Settings shown = new EventStats.Settings(current.profile().label(), current.flushThreshold(),
                current.batchSize(), current.bufferSize(), current.batchTimeout().toMillis() / 1000.0,
                current.enabledLevels(), current.enabledCategories());
        EventStats.Intake intook = new EventStats.Intake(taken.emitted(), taken.legacyEmitted(), intake.unmigratedTotal(),
                taken.filtered(), taken.rejected(), taken.redacted(), dropped, intake.tapCount(), taken.tapFailures(),
                taken.requeued());
        ToggleSettings toggle = current.toggle();
        EventStats.Shipping shipping = new EventStats.Shipping(shipped.sent(), shipped.batchesSent(), shipped.failedSends(),
                shipped.authFailures(), shipped.pushbacks(), shipped.deadLettered(), shipper.inFlight(), toggle.configured() ? toggle.address() : "",
                toggle.hasToken(), shipper.state().label(), toggle.schema().label(),
                toggle.compression().label(), shipped.wireCarried(), shipper.lastError(), current.replayRate(), shipper.drainRate());
        EventStats.Spool spool = store.spoolStats();
        long oldest = store.oldestTimestamp();
        EventStats.Store held = new EventStats.Store(store.size(), maxBufferSize(spool),
                oldest < 0 ? 0L : Math.max(0L, clock.millis() - oldest), store.state(), spool);
        return new EventStats(intake.isAccepting(), closed, shown, intook, shipping, held, nodeEvents);
    }

    // Events the store can hold: its capacity in events, or for the spool (bounded in bytes) its
    // capacity at the mean size of the events it holds, NOMINAL_EVENT_BYTES when it holds none.
    private long maxBufferSize(EventStats.Spool spool) {
        if (spool == null) {
            return store.capacity();
        }
        long events = store.size();
        long mean = events > 0 && spool.bytes() > 0 ? Math.max(1, spool.bytes() / events) : NOMINAL_EVENT_BYTES;
        return spool.capacityBytes() / mean;
    }

    /** Stops taking events, ships what it can within the shutdown timeout, and releases everything. */
    @Override
    public void close() {
        intake.accepting(false);
        closed = true;
        shipper.stop(settings.shutdownTimeout());
        int left = store.size();
        store.close();
        if (left > 0) {
            EventStats.Spool spool = store.spoolStats();
            LOG.info("Event pipeline stopped with {} events not yet delivered; they stay in the store: {}", left,
                    spool != null ? spool.asMap() : store.state());
        }
    }
}
