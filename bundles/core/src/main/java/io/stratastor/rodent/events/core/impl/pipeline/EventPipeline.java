package io.stratastor.rodent.events.core.impl.pipeline;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public Map<String, Object> stats() {
        Settings current = settings;
        IntakeCounters taken = intake.counters();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("initialized", intake.isAccepting());
        snapshot.put("profile", current.profile().label());
        // Upstream Rodent's GetStats keys first, with its meanings as near as a durable spool allows (docs/IMPLEMENTATION.md).
        snapshot.put("buffer_size", store.size());
        snapshot.put("max_buffer_size", maxBufferSize());
        snapshot.put("flush_threshold", current.flushThreshold());
        snapshot.put("batch_size", current.batchSize());
        // An emit is in the store when it returns: there is no intake queue in front of it.
        snapshot.put("pending_events", 0);
        snapshot.put("max_pending", 0);
        snapshot.put("is_shutdown", closed);
        snapshot.put("max_buffered_in_memory", current.bufferSize());
        snapshot.put("batch_timeout_seconds", current.batchTimeout().toMillis() / 1000.0);
        snapshot.put("enabled_levels", join(current.enabledLevels()));
        snapshot.put("enabled_categories", join(current.enabledCategories()));
        snapshot.put("emitted", taken.emitted());
        snapshot.put("legacy_emitted", taken.legacyEmitted());
        snapshot.put("legacy_uncatalogued", intake.unmigratedTotal());
        snapshot.put("filtered", taken.filtered());
        snapshot.put("rejected", taken.rejected());
        snapshot.put("redacted", taken.redacted());
        snapshot.put("dropped", taken.dropped());
        for (Level level : Level.values()) {
            snapshot.put("dropped_" + level.label(), taken.droppedAt(level));
        }
        snapshot.put("taps", intake.tapCount());
        snapshot.put("tap_failures", taken.tapFailures());
        snapshot.put("sent", shipped.sent());
        snapshot.put("batches_sent", shipped.batchesSent());
        snapshot.put("failed_sends", shipped.failedSends());
        snapshot.put("auth_failures", shipped.authFailures());
        snapshot.put("dead_lettered", shipped.deadLettered());
        snapshot.put("requeued", taken.requeued());
        snapshot.put("pending", store.size());
        snapshot.put("in_flight", shipper.inFlight());
        long oldest = store.oldestTimestamp();
        snapshot.put("oldest_pending_age_ms", oldest < 0 ? 0L : Math.max(0L, clock.millis() - oldest));
        snapshot.put("toggle_address", current.toggle().configured() ? current.toggle().address() : "");
        snapshot.put("toggle_token", current.toggle().hasToken() ? "set" : "not set");
        snapshot.put("toggle_state", shipper.state().label());
        snapshot.put("toggle_schema", current.toggle().schema().label());
        snapshot.put("wire_carried", shipped.wireCarried());
        snapshot.put("last_error", shipper.lastError());
        store.stats().forEach(snapshot::putIfAbsent);
        return Collections.unmodifiableMap(snapshot);
    }

    // Events the store can hold: its capacity in events, or for the spool (bounded in bytes) its
    // capacity at the mean size of the events it holds, NOMINAL_EVENT_BYTES when it holds none.
    private long maxBufferSize() {
        if (store.capacity() < Integer.MAX_VALUE) {
            return store.capacity();
        }
        Map<String, Object> spool = store.stats();
        long capacityBytes = ((Number) spool.getOrDefault("spool_capacity_bytes", 0L)).longValue();
        long bytes = ((Number) spool.getOrDefault("spool_bytes", 0L)).longValue();
        long events = store.size();
        long mean = events > 0 && bytes > 0 ? Math.max(1, bytes / events) : NOMINAL_EVENT_BYTES;
        return capacityBytes / mean;
    }

    private static String join(Iterable<? extends Enum<?>> values) {
        StringBuilder text = new StringBuilder();
        for (Enum<?> value : values) {
            text.append(text.length() == 0 ? "" : ",").append(value.name().toLowerCase(Locale.ROOT));
        }
        return text.toString();
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
            LOG.info("Event pipeline stopped with {} events not yet delivered; they stay in the store: {}", left, store.stats());
        }
    }
}
