package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.EncodedEventTap;
import io.stratastor.rodent.events.proto.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's tap on the pipeline: keeps the last {@code tail_size} accepted events for
 * {@code events:tail} and hands new ones to its followers ({@code events:tail -f}). Reconfiguration:
 * {@link Modified} resizes the ring in place, keeping the newest events. Events are kept as their
 * bytes in reused slots ({@link TailRing}) and parsed only when shown, so the emitting thread
 * pays a copy into the ring, not a parse or an allocation. Thread-safe: one lock guards the ring
 * and the followers, held only to add or copy.
 */
@Component(service = {EncodedEventTap.class, RecentEvents.class}, immediate = true, configurationPid = RecentEvents.PID)
@Designate(ocd = RecentEvents.Config.class)
public final class RecentEvents implements EncodedEventTap {
    static final String PID = "rodent.events.shell";
    static final int MAX_TAIL_SIZE = 100_000;
    /** The tail size when none is configured, or an invalid one at activation. */
    public static final int DEFAULT_TAIL_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RecentEvents.class);

    /** Configuration PID {@value RecentEvents#PID}. */
    @ObjectClassDefinition(id = PID, name = "Rodent Events shell",
            description = "The Gogo commands events:*: how many recent events events:tail can show.")
    @interface Config {
        @AttributeDefinition(name = "Tail size", description = "Recent events kept in memory for events:tail, from 1 to 100000.",
                min = "1", max = "100000")
        int tail__size() default DEFAULT_TAIL_SIZE;
    }

    private final TailRing ring;
    private final List<Follower> followers = new ArrayList<>();

    @Activate
    public RecentEvents(Config config) {
        this(config.tail__size());
    }

    /** The tail as the component makes it, outside OSGi: the benchmarks measure the node with it. */
    public RecentEvents(int tailSize) {
        Integer size = checked(tailSize);
        ring = new TailRing(size != null ? size : DEFAULT_TAIL_SIZE);
    }

    @Modified
    void modified(Config config) {
        Integer size = checked(config.tail__size());
        if (size != null) {
            synchronized (this) {
                ring.resize(size);
            }
        }
    }

    @Deactivate
    void deactivate() {
        List<Follower> stopped;
        synchronized (this) {
            stopped = new ArrayList<>(followers);
            followers.clear();
        }
        stopped.forEach(Follower::end);
    }

    // Null when invalid: activation keeps the default, a change keeps the previous size.
    private static Integer checked(int size) {
        if (size < 1 || size > MAX_TAIL_SIZE) {
            LOG.error("Configuration {} refused: tail_size must be from 1 to {}, got {}; keeping the previous size",
                    PID, MAX_TAIL_SIZE, size);
            return null;
        }
        return size;
    }

    @Override
    public void onAccepted(AcceptedEvent event) {
        synchronized (this) {
            ring.add(event);
            offerNewest();
        }
    }

    /** Keeps an event already parsed (tests, tools). */
    void onEvent(Event event) {
        if (event != null) {
            synchronized (this) {
                ring.add(event.toByteArray());
                offerNewest();
            }
        }
    }

    // Followers get a copy of their own: the ring's slot is written over when it comes round.
    private void offerNewest() {
        if (!followers.isEmpty()) {
            KeptEvent newest = KeptEvent.ofBytes(ring.newest());
            for (Follower follower : followers) {
                follower.offer(newest);
            }
        }
    }

    /** The kept events that match {@code filter}, oldest first, at most the last {@code limit}. */
    List<Event> recent(Predicate<Event> filter, int limit) {
        List<byte[]> kept;
        synchronized (this) {
            kept = ring.copies();
        }
        return matching(kept, filter, limit);
    }

    // Parsed on the caller's thread, outside the lock the emitters take.
    private static List<Event> matching(List<byte[]> kept, Predicate<Event> filter, int limit) {
        List<Event> matching = new ArrayList<>();
        for (byte[] encoded : kept) {
            Event event = KeptEvent.ofBytes(encoded).event();
            if (filter.test(event)) {
                matching.add(event);
            }
        }
        return List.copyOf(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
    }

    /**
     * Starts following: the returned follower holds, first, the last {@code history} kept events that
     * match {@code filter}, then every new matching event, with none missed or repeated in between.
     * Close it when done.
     */
    Follower follow(Predicate<Event> filter, int history) {
        Follower follower = new Follower(this, filter);
        List<byte[]> kept;
        synchronized (this) {
            kept = ring.copies();
            followers.add(follower);
        }
        follower.begin(matching(kept, filter, history));
        return follower;
    }

    synchronized void unfollow(Follower follower) {
        followers.remove(follower);
    }

    /** How many {@code events:tail -f} are following now. */
    synchronized int followers() {
        return followers.size();
    }

    /** How many events the ring keeps now. */
    synchronized int capacity() {
        return ring.capacity();
    }
}
