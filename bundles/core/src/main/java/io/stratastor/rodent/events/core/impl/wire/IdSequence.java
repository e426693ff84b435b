package io.stratastor.rodent.events.core.impl.wire;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The time and counter of a node's event ids: RFC 9562's method 1, the 48 bits of Unix
 * milliseconds followed by a 12-bit counter in {@code rand_a}, each value above the last one
 * handed out. So ids stay unique and in emit order when the wall clock moves back: until it
 * catches up, they carry the last time seen and count on (a full counter carries into the
 * milliseconds). The event's own timestamp keeps the clock's reading. Thread-safe.
 */
final class IdSequence {
    private static final long MILLIS_MASK = 0xFFFF_FFFF_FFFFL;

    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    /** The next value, 60 bits: milliseconds then counter; never at or below an earlier one. */
    long next(long unixMillis) {
        long first = (unixMillis & MILLIS_MASK) << 12;
        return last.accumulateAndGet(first, (previous, candidate) -> Math.max(candidate, previous + 1));
    }

    /** The id's high half for {@code value}: milliseconds, version 7, counter. */
    static long mostSignificantBits(long value) {
        return (value >>> 12) << 16 | 0x7000L | value & 0xFFFL;
    }
}
