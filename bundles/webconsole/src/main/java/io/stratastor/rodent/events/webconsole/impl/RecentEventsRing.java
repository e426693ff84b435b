package io.stratastor.rodent.events.webconsole.impl;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.proto.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's tap on the pipeline: the last {@code kept_events} accepted events as their stored
 * bytes, parsed only when the page shows them. Reconfiguration: {@link Modified} changes the bound
 * in place, keeping the newest. Thread-safe: one lock, held only to add or copy.
 */
@Component(service = {EncodedEventTap.class, RecentEventsRing.class}, immediate = true, configurationPid = RecentEventsRing.PID)
@Designate(ocd = RecentEventsRing.Config.class)
public final class RecentEventsRing implements EncodedEventTap {
    static final String PID = "rodent.events.webconsole";
    static final int MAX_KEPT = 10_000;
    static final int DEFAULT_KEPT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RecentEventsRing.class);

    /** Configuration PID {@value RecentEventsRing#PID}. */
    @ObjectClassDefinition(id = PID, name = "Rodent Events Web Console page",
            description = "The Rodent Events page of the Web Console: how many recent events it keeps to show.")
    @interface Config {
        @AttributeDefinition(name = "Kept events", description = "Recent events kept in memory for the page, from 1 to 10000.",
                min = "1", max = "10000")
        int kept__events() default DEFAULT_KEPT;
    }

    private final ArrayDeque<byte[]> kept = new ArrayDeque<>();
    private int bound;

    @Activate
    public RecentEventsRing(Config config) {
        bound = valid(config.kept__events(), DEFAULT_KEPT);
    }

    @Modified
    void modified(Config config) {
        synchronized (this) {
            bound = valid(config.kept__events(), bound);
            trim();
        }
    }

    // An invalid bound is refused once, naming the key; the previous (or default) one stays.
    private static int valid(int requested, int previous) {
        if (requested < 1 || requested > MAX_KEPT) {
            LOG.error("Configuration {} refused: kept_events must be from 1 to {}, got {}; keeping {}", PID, MAX_KEPT, requested,
                    previous);
            return previous;
        }
        return requested;
    }

    @Override
    public void onAccepted(AcceptedEvent event) {
        byte[] copy = new byte[event.encodedLength()];
        event.copyEncoded(copy, 0);
        keep(copy);
    }

    void keep(byte[] encoded) {
        synchronized (this) {
            kept.addLast(encoded);
            trim();
        }
    }

    private void trim() {
        while (kept.size() > bound) {
            kept.removeFirst();
        }
    }

    /** The kept events that pass {@code filter}, newest first, at most {@code limit}. */
    List<Event> newest(Predicate<Event> filter, int limit) {
        List<byte[]> copies;
        synchronized (this) {
            copies = new ArrayList<>(kept);
        }
        List<Event> shown = new ArrayList<>();
        for (int i = copies.size() - 1; i >= 0 && shown.size() < limit; i--) {
            Event event = parse(copies.get(i));
            if (filter.test(event)) {
                shown.add(event);
            }
        }
        return shown;
    }

    private static Event parse(byte[] encoded) {
        try {
            return Event.parseFrom(encoded);
        } catch (InvalidProtocolBufferException e) {
            // The pipeline encoded it, so this is a bug: the page shows an empty row rather than fail.
            return Event.getDefaultInstance();
        }
    }

    synchronized int bound() {
        return bound;
    }
}
