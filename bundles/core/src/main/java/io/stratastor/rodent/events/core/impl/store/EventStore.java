package io.stratastor.rodent.events.core.impl.store;

import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where accepted events wait until Toggle acknowledges them, oldest first. The seam between the
 * intake and the shipper: the durable spool ({@code FileSpool}), or the in-memory buffer when the
 * spool cannot open and in tests ({@link MemoryEventStore}). Implementations are
 * thread-safe for one shipper and many emitters.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends an accepted event.
     *
     * @return the number of events held afterwards, or -1 when the store is full and the event was not taken
     */
    int append(Event event);

    /**
     * Appends an accepted event already encoded in {@code encoded[0, length)}, which the store
     * copies before it returns; {@code level} is the event's, for the overflow policy.
     *
     * @return as {@link #append(Event)}
     */
    int append(byte[] encoded, int length, Level level);

    /** Up to {@code maxEvents} of the oldest events, at most {@code maxBytes} encoded (but at least one), not removed. */
    List<Event> peek(int maxEvents, long maxBytes);

    /**
     * The protobuf encodings of up to {@code maxEvents} events after the {@code skip} oldest, at
     * most {@code maxBytes} counted as {@link #peek} counts (but at least one), not removed: what
     * the shipper sends as it is. Each buffer holds one {@code Event}, is read-only, and stays valid
     * until its event is removed.
     */
    List<ByteBuffer> peekEncoded(long skip, int maxEvents, long maxBytes);

    /** Forgets the {@code count} oldest events, once Toggle has them. */
    void remove(int count);

    /** Events held. */
    int size();

    /** Events the store can hold. */
    int capacity();

    /** Changes the capacity; events already held above it stay. */
    void resize(int capacity);

    /** The emission time of the oldest event held, Unix milliseconds, or -1 when empty. */
    long oldestTimestamp();

    /**
     * Makes what is held survive a power loss, as far as the store's policy promises; the shipper
     * may call it once per batch. Does nothing for a store that keeps nothing on disk.
     */
    default void sync() {
    }

    /** The store's state as the stats show it: the spool's ({@code ok}, {@code full}, …) or {@code memory}. */
    String state();

    /** The spool's figures, or null for a store that keeps nothing on disk. */
    default EventStats.Spool spoolStats() {
        return null;
    }

    @Override
    void close();
}
