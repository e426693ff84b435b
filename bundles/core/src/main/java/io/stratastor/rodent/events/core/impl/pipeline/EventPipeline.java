package io.stratastor.rodent.events.core.impl.pipeline;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import io.stratastor.rodent.events.core.check.EventChecks;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event pipeline without OSGi: validate → filter → envelope → store, and a {@link Shipper}
 * that empties the store into Toggle. Settings are swapped whole by {@link #reconfigure}.
 * Thread-safe: {@link #publish} is called by any number of emitters at once.
 */
public final class EventPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);
    private static final long DROP_LOG_INTERVAL_MILLIS = 10_000;
    // The size of a typical stored event, for max_buffer_size while the spool is empty.
    private static final long NOMINAL_EVENT_BYTES = 512;

    private final EventChecks checks;
    private final EnvelopeFactory envelopes;
    private final EventStore store;
    private final Shipper shipper;
    private final PipelineStats stats = new PipelineStats();
    private final Clock clock;
    private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE);
    private volatile Settings settings;
    private volatile boolean accepting;
    private volatile boolean closed;
    private volatile List<EventTap> taps = List.of();
    private volatile Redactor redactor;
    private final UnmigratedTypes unmigratedTypes;

    public EventPipeline(Settings settings, EventCatalog catalog, EventStore store, Clock clock, Random random,
            Function<ToggleSettings, ToggleTransport> transports, DeadLetters deadLetters) {
        this.settings = settings;
        this.checks = new EventChecks(catalog);
        this.envelopes = new EnvelopeFactory(clock);
        this.store = store;
        this.clock = clock;
        this.shipper = new Shipper(store, stats, settings, clock, random, transports, deadLetters, new WireEncoders(catalog));
        this.redactor = new Redactor(settings.redactKeys());
        this.unmigratedTypes = new UnmigratedTypes(clock);
    }

    public void start() {
        shipper.start();
        accepting = true;
        LOG.info("Event pipeline started: profile {}, {} events pending, Toggle {}", settings.profile().label(),
                store.size(), settings.toggle().configured() ? settings.toggle().address() : "not configured");
    }

    public boolean isAccepting() {
        return accepting;
    }

    /** See {@code EventPublisher.publish}. */
    public void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        publish(category, eventType, level, source, payload, metadata, false);
    }

    /** See {@code EventPublisher.publishLegacy}. */
    public void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata) {
        publish(category, eventType, level, source, payload, metadata, true);
    }

    private void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean legacy) {
        boolean unmigrated;
        try {
            unmigrated = checks.check(category, eventType, level, source, payload, metadata, legacy);
        } catch (IllegalArgumentException e) {
            stats.rejected.increment();
            throw e;
        }
        Settings current = settings;
        EnvelopeFactory.Encoded event;
        try {
            // Encoding finds control characters for accepted events; the others are checked here,
            // so that the same input is refused whatever the filters and the redaction.
            if (!current.accepts(level, category)) {
                EventChecks.checkPrintable(eventType, source, metadata);
                stats.filtered.increment();
                return;
            }
            Redactor redact = redactor;
            Map<String, String> shownMetadata = redact.metadata(metadata);
            if (shownMetadata != metadata) {
                EventChecks.checkPrintable(eventType, source, metadata);
            }
            event = encode(category, eventType, level, source, redact.payload(payload), payload, shownMetadata, metadata);
            EventChecks.checkEncodedSize(eventType, event.length());
        } catch (IllegalArgumentException e) {
            stats.rejected.increment();
            throw e;
        }
        int held = accepting ? store.append(event.bytes(), event.length(), level) : -1;
        if (held < 0) {
            stats.countDropped(level);
            logDropRateLimited();
            return;
        }
        stats.emitted.increment();
        if (unmigrated) {
            unmigratedTypes.count(eventType, category, source);
        }
        if (legacy) {
            stats.legacyEmitted.increment();
        }
        List<EventTap> told = taps;
        if (!told.isEmpty()) {
            Event accepted = event.parse();
            for (EventTap tap : told) {
                tell(tap, accepted);
            }
        }
        // The first event after empty starts the batch timeout; each full batch (behind those in
        // flight, too) or the threshold ships at once.
        if (held == 1 || held % current.batchSize() == 0 || held == current.flushThreshold()) {
            shipper.wake();
        }
    }

    private EnvelopeFactory.Encoded encode(Category category, String eventType, Level level, String source, Message shownPayload,
            Message payload, Map<String, String> shownMetadata, Map<String, String> metadata) {
        if (shownMetadata != metadata || !java.util.Objects.equals(shownPayload, payload)) {
            stats.redacted.increment();
        }
        try {
            return envelopes.encode(category, eventType, level, source, shownPayload, shownMetadata);
        } catch (EnvelopeFactory.ControlCharacter e) {
            EventChecks.checkPrintable(eventType, source, metadata);
            throw new IllegalArgumentException("event " + eventType + " holds a control character in a text field; expected printable text");
        }
    }

    // A tap is someone else's code on our emit path: its failure must not become the emitter's.
    private void tell(EventTap tap, Event event) {
        try {
            tap.onEvent(event);
        } catch (RuntimeException e) {
            if (stats.tapFailures.sum() == 0) {
                LOG.warn("Event tap {} failed; further failures are only counted (tap_failures)", tap.getClass().getName(), e);
            }
            stats.tapFailures.increment();
        }
    }

    /** Replaces the taps told of each accepted event. */
    public void taps(List<EventTap> current) {
        taps = List.copyOf(current);
    }

    private void logDropRateLimited() {
        long now = clock.millis();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_INTERVAL_MILLIS && lastDropLog.compareAndSet(last, now)) {
            LOG.warn("Events refused: the store is full, failing or stopping ({}); {} dropped so far, by level {}",
                    store.stats().getOrDefault("spool_state", accepting ? "full" : "stopping"), stats.dropped(), droppedByLevel());
        }
    }

    private Map<String, Long> droppedByLevel() {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            byLevel.put(level.label(), stats.droppedAt(level));
        }
        return byLevel;
    }

    /**
     * Puts events that left the pipeline (dead letters) back into the store as they are: same ids,
     * no new validation or filtering. Counted as {@code requeued}.
     *
     * @return how many the store took (fewer when it is full)
     */
    public int requeue(List<Event> events) {
        int taken = 0;
        for (Event event : events) {
            if (store.append(event) < 0) {
                break;
            }
            taken++;
        }
        stats.requeued.add(taken);
        if (taken > 0) {
            shipper.wake();
        }
        return taken;
    }

    public void reconfigure(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        if (!old.sameSpool(newSettings)) {
            // The spool's files are open and mapped; its own settings apply when the core starts again.
            LOG.warn("Spool settings changed (directory, capacity, fsync, overflow, max_file_size): they apply at the next start of the core");
        }
        store.resize(newSettings.bufferSize());
        if (!old.redactKeys().equals(newSettings.redactKeys())) {
            redactor = new Redactor(newSettings.redactKeys());
        }
        shipper.reconfigure(newSettings);
        if (!old.toggle().equals(newSettings.toggle()) || old.profile() != newSettings.profile()) {
            LOG.info("Event pipeline reconfigured: profile {}, {}", newSettings.profile().label(), newSettings.toggle());
        }
    }

    /** See {@code EventSystem.unmigratedTypes}. */
    public List<UnmigratedType> unmigratedTypes() {
        return unmigratedTypes.list();
    }

    public boolean flush(Duration timeout) throws InterruptedException {
        return shipper.flush(timeout);
    }

    public Map<String, Object> stats() {
        Settings current = settings;
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("initialized", accepting);
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
        snapshot.put("emitted", stats.emitted.sum());
        snapshot.put("legacy_emitted", stats.legacyEmitted.sum());
        snapshot.put("legacy_uncatalogued", unmigratedTypes.total());
        snapshot.put("filtered", stats.filtered.sum());
        snapshot.put("rejected", stats.rejected.sum());
        snapshot.put("redacted", stats.redacted.sum());
        snapshot.put("dropped", stats.dropped());
        for (Level level : Level.values()) {
            snapshot.put("dropped_" + level.label(), stats.droppedAt(level));
        }
        snapshot.put("taps", taps.size());
        snapshot.put("tap_failures", stats.tapFailures.sum());
        snapshot.put("sent", stats.sent.sum());
        snapshot.put("batches_sent", stats.batchesSent.sum());
        snapshot.put("failed_sends", stats.failedSends.sum());
        snapshot.put("auth_failures", stats.authFailures.sum());
        snapshot.put("dead_lettered", stats.deadLettered.sum());
        snapshot.put("requeued", stats.requeued.sum());
        snapshot.put("pending", store.size());
        snapshot.put("in_flight", shipper.inFlight());
        long oldest = store.oldestTimestamp();
        snapshot.put("oldest_pending_age_ms", oldest < 0 ? 0L : Math.max(0L, clock.millis() - oldest));
        snapshot.put("toggle_address", current.toggle().configured() ? current.toggle().address() : "");
        snapshot.put("toggle_token", current.toggle().hasToken() ? "set" : "not set");
        snapshot.put("toggle_state", shipper.state().label());
        snapshot.put("toggle_schema", current.toggle().schema().label());
        snapshot.put("wire_carried", stats.wireCarried.sum());
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
            text.append(text.length() == 0 ? "" : ",").append(value.name().toLowerCase(java.util.Locale.ROOT));
        }
        return text.toString();
    }

    /** Stops taking events, ships what it can within the shutdown timeout, and releases everything. */
    @Override
    public void close() {
        accepting = false;
        closed = true;
        shipper.stop(settings.shutdownTimeout());
        int left = store.size();
        store.close();
        if (left > 0) {
            LOG.info("Event pipeline stopped with {} events not yet delivered; they stay in the store: {}", left, store.stats());
        }
    }
}
