package io.stratastor.rodent.events.core.impl.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A bounded in-memory event store: the walking skeleton's buffer, kept behind {@link EventStore}
 * until the durable spool replaces it. Events it holds are lost if the JVM dies. Thread-safe
 * (one monitor, short critical sections).
 */
public final class MemoryEventStore implements EventStore {
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private int capacity;

    public MemoryEventStore(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized int append(Event event) {
        if (events.size() >= capacity) {
            return -1;
        }
        events.addLast(event);
        return events.size();
    }

    @Override
    public int append(byte[] encoded, int length, Level level) {
        try {
            return append(Event.parser().parseFrom(encoded, 0, length));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an encoded event: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Event> peek(int maxEvents, long maxBytes) {
        return oldest(0, maxEvents, maxBytes);
    }

    // The events after the skip oldest, as peek counts them.
    private List<Event> oldest(long skip, int maxEvents, long maxBytes) {
        List<Event> batch = new ArrayList<>();
        long bytes = 0;
        Iterator<Event> oldestFirst = events.iterator();
        for (long i = 0; i < skip && oldestFirst.hasNext(); i++) {
            oldestFirst.next();
        }
        while (oldestFirst.hasNext() && batch.size() < maxEvents) {
            Event event = oldestFirst.next();
            bytes += event.getSerializedSize() + 8;
            if (bytes > maxBytes && !batch.isEmpty()) {
                break;
            }
            batch.add(event);
        }
        return batch;
    }

    @Override
    public synchronized List<ByteBuffer> peekEncoded(long skip, int maxEvents, long maxBytes) {
        return oldest(skip, maxEvents, maxBytes).stream().map(event -> ByteBuffer.wrap(event.toByteArray()).asReadOnlyBuffer()).toList();
    }

    @Override
    public synchronized void remove(int count) {
        for (int i = 0; i < count && !events.isEmpty(); i++) {
            events.removeFirst();
        }
    }

    @Override
    public synchronized int size() {
        return events.size();
    }

    @Override
    public synchronized int capacity() {
        return capacity;
    }

    @Override
    public synchronized void resize(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized long oldestTimestamp() {
        Event oldest = events.peekFirst();
        return oldest == null ? -1 : oldest.getTimestamp();
    }

    @Override
    public String state() {
        return "memory";
    }

    @Override
    public void close() {
        // Nothing to release: the events live on the heap.
    }
}
