package io.stratastor.rodent.events.core.impl.intake;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.api.EventTap;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import io.stratastor.rodent.events.core.check.EventChecks;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.wire.EnvelopeFactory;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emit path: validate → filter → redact → envelope → store, then the taps, then a word to the
 * shipper when a batch may be due. Settings are swapped whole by {@link #reconfigure}.
 * Thread-safe: {@link #publish} is called by any number of emitters at once.
 */
public final class Intake {
    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    private static final long DROP_LOG_INTERVAL_MILLIS = 10_000;

    private final EventChecks checks;
    private final EnvelopeFactory envelopes;
    private final EventStore store;
    private final Runnable wakeShipper;
    private final Clock clock;
    private final IntakeCounters counters = new IntakeCounters();
    private final UnmigratedTypes unmigratedTypes;
    private final AtomicLong lastDropLog = new AtomicLong(Long.MIN_VALUE);
    private volatile Settings settings;
    private volatile Redactor redactor;
    private volatile boolean accepting;
    private volatile List<EventTap> taps = List.of();
    private volatile List<EncodedEventTap> encodedTaps = List.of();
    private final ThreadLocal<TappedEvent> tapped = ThreadLocal.withInitial(TappedEvent::new);

    /** {@code wakeShipper} is called when a batch may be due; it must be cheap. */
    public Intake(Settings settings, EventCatalog catalog, EventStore store, Clock clock, Runnable wakeShipper) {
        this.settings = settings;
        this.checks = new EventChecks(catalog);
        this.envelopes = new EnvelopeFactory(clock);
        this.store = store;
        this.clock = clock;
        this.wakeShipper = wakeShipper;
        this.redactor = new Redactor(settings.redactKeys());
        this.unmigratedTypes = new UnmigratedTypes(clock);
    }

    public IntakeCounters counters() {
        return counters;
    }

    /** Starts or stops taking events; refused events are counted as dropped. */
    public void accepting(boolean accept) {
        accepting = accept;
    }

    public boolean isAccepting() {
        return accepting;
    }

    /**
     * Takes an event into the store, or refuses it with an {@link IllegalArgumentException} naming
     * the problem; {@code legacy} is the backward-compatible API's looser type rule.
     */
    public void publish(Category category, String eventType, Level level, String source, Message payload,
            Map<String, String> metadata, boolean legacy) {
        boolean unmigrated;
        try {
            unmigrated = checks.check(category, eventType, level, source, payload, metadata, legacy);
        } catch (IllegalArgumentException e) {
            counters.rejected.increment();
            throw e;
        }
        Settings current = settings;
        EnvelopeFactory.Encoded event;
        try {
            // Encoding finds control characters for accepted events; the others are checked here,
            // so that the same input is refused whatever the filters and the redaction.
            if (!current.accepts(level, category)) {
                EventChecks.checkPrintable(eventType, source, metadata);
                counters.filtered.increment();
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
            counters.rejected.increment();
            throw e;
        }
        int held = accepting ? store.append(event.bytes(), event.length(), level) : -1;
        if (held < 0) {
            counters.countDropped(level);
            logDropRateLimited();
            return;
        }
        counters.emitted.increment();
        if (unmigrated) {
            unmigratedTypes.count(eventType, category, source);
        }
        if (legacy) {
            counters.legacyEmitted.increment();
        }
        List<EventTap> told = taps;
        List<EncodedEventTap> toldEncoded = encodedTaps;
        if (!told.isEmpty() || !toldEncoded.isEmpty()) {
            tell(told, toldEncoded, tapped.get().of(event.bytes(), event.length(), category, level, eventType));
        }
        // The first event after empty starts the batch timeout; each full batch (behind those in
        // flight, too) or the threshold ships at once.
        if (held == 1 || held % current.batchSize() == 0 || held == current.flushThreshold()) {
            wakeShipper.run();
        }
    }

    private EnvelopeFactory.Encoded encode(Category category, String eventType, Level level, String source, Message shownPayload,
            Message payload, Map<String, String> shownMetadata, Map<String, String> metadata) {
        if (shownMetadata != metadata || !Objects.equals(shownPayload, payload)) {
            counters.redacted.increment();
        }
        try {
            return envelopes.encode(category, eventType, level, source, shownPayload, shownMetadata);
        } catch (EnvelopeFactory.ControlCharacter e) {
            EventChecks.checkPrintable(eventType, source, metadata);
            throw new IllegalArgumentException("event " + eventType + " holds a control character in a text field; expected printable text");
        }
    }

    // A tap is someone else's code on our emit path: its failure must not become the emitter's.
    // The event is parsed once, and only if an EventTap is there to read it.
    private void tell(List<EventTap> told, List<EncodedEventTap> toldEncoded, TappedEvent accepted) {
        // Indexed: an iterator per event is garbage on the emit path.
        for (int i = 0; i < toldEncoded.size(); i++) {
            EncodedEventTap tap = toldEncoded.get(i);
            try {
                tap.onAccepted(accepted);
            } catch (RuntimeException e) {
                tapFailed(tap, e);
            }
        }
        for (int i = 0; i < told.size(); i++) {
            EventTap tap = told.get(i);
            try {
                tap.onEvent(accepted.event());
            } catch (RuntimeException e) {
                tapFailed(tap, e);
            }
        }
    }

    private void tapFailed(Object tap, RuntimeException e) {
        if (counters.tapFailures.sum() == 0) {
            LOG.warn("Event tap {} failed; further failures are only counted (tap_failures)", tap.getClass().getName(), e);
        }
        counters.tapFailures.increment();
    }

    /** Replaces the taps told of each accepted event. */
    public void taps(List<EventTap> current) {
        taps = List.copyOf(current);
    }

    /** Replaces the taps told of each accepted event as its bytes. */
    public void encodedTaps(List<EncodedEventTap> current) {
        encodedTaps = List.copyOf(current);
    }

    public int tapCount() {
        return taps.size() + encodedTaps.size();
    }

    private void logDropRateLimited() {
        long now = clock.millis();
        long last = lastDropLog.get();
        // Before the last line means the wall clock was set back: log rather than stay quiet until it catches up.
        if ((now - last >= DROP_LOG_INTERVAL_MILLIS || now < last) && lastDropLog.compareAndSet(last, now)) {
            LOG.warn("Events refused: the store is full, failing or stopping ({}); {} dropped so far, by level {}",
                    accepting ? store.state() : "stopping", counters.dropped(), droppedByLevel());
        }
    }

    private Map<String, Long> droppedByLevel() {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            byLevel.put(level.label(), counters.droppedAt(level));
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
        counters.requeued.add(taken);
        if (taken > 0) {
            wakeShipper.run();
        }
        return taken;
    }

    public void reconfigure(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        if (!old.redactKeys().equals(newSettings.redactKeys())) {
            redactor = new Redactor(newSettings.redactKeys());
        }
    }

    /** See {@code EventSystem.unmigratedTypes}. */
    public List<UnmigratedType> unmigratedTypes() {
        return unmigratedTypes.list();
    }

    public long unmigratedTotal() {
        return unmigratedTypes.total();
    }
}
