package io.stratastor.rodent.events.shell.impl;

import io.stratastor.rodent.events.api.AcceptedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@code capacity} accepted events, as their stored bytes, oldest first. Each slot's array
 * is written over when the ring comes round again, so that keeping an event allocates nothing once
 * the ring is full of events of the usual size; a slot grown past {@value #REUSE_LIMIT} bytes by a
 * large event is let go rather than kept. Not thread-safe: {@link RecentEvents}' lock guards it.
 */
final class TailRing {
    private static final int REUSE_LIMIT = 8 * 1024;
    private static final int MIN_SLOT = 1024;

    private byte[][] slots;
    private int[] lengths;
    private int capacity;
    // Events ever kept; the newest is at (added - 1) % capacity.
    private long added;

    TailRing(int capacity) {
        this.capacity = capacity;
        this.slots = new byte[capacity][];
        this.lengths = new int[capacity];
    }

    void add(AcceptedEvent event) {
        int length = event.encodedLength();
        int index = (int) (added % capacity);
        byte[] slot = slots[index];
        if (slot == null || slot.length < length || slot.length > REUSE_LIMIT) {
            slot = new byte[Math.max(length, MIN_SLOT)];
            slots[index] = slot;
        }
        event.copyEncoded(slot, 0);
        lengths[index] = length;
        added++;
    }

    void add(byte[] encoded) {
        int index = (int) (added % capacity);
        slots[index] = encoded;
        lengths[index] = encoded.length;
        added++;
    }

    int size() {
        return (int) Math.min(added, capacity);
    }

    /** The newest event's bytes, copied. */
    byte[] newest() {
        int index = (int) ((added - 1) % capacity);
        return Arrays.copyOf(slots[index], lengths[index]);
    }

    /** Every kept event's bytes, copied, oldest first. */
    List<byte[]> copies() {
        List<byte[]> copies = new ArrayList<>(size());
        for (long i = added - size(); i < added; i++) {
            int index = (int) (i % capacity);
            copies.add(Arrays.copyOf(slots[index], lengths[index]));
        }
        return copies;
    }

    /** Holds at most {@code newCapacity} from now on, keeping the newest. */
    void resize(int newCapacity) {
        List<byte[]> kept = copies();
        capacity = newCapacity;
        slots = new byte[newCapacity][];
        lengths = new int[newCapacity];
        added = 0;
        for (byte[] encoded : kept.subList(Math.max(0, kept.size() - newCapacity), kept.size())) {
            add(encoded);
        }
    }

    int capacity() {
        return capacity;
    }
}
