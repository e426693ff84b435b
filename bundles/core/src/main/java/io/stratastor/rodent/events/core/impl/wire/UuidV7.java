package io.stratastor.rodent.events.core.impl.wire;

import java.util.Random;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits, so ids sort by creation
 * time. Stateless and thread-safe given a thread-safe {@link Random}.
 */
public final class UuidV7 {
    private UuidV7() {
    }

    public static UUID of(long unixMillis, Random random) {
        long msb = mostSignificantBits(unixMillis, random);
        return new UUID(msb, leastSignificantBits(random));
    }

    /** The high half: the time, the version, 12 random bits. Draw it before {@link #leastSignificantBits}. */
    static long mostSignificantBits(long unixMillis, Random random) {
        long randA = random.nextInt(1 << 12);
        return (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
    }

    /** The low half: the variant and 62 random bits. */
    static long leastSignificantBits(Random random) {
        return random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    }

    /** The Unix milliseconds a UUIDv7 was made at. */
    public static long unixMillis(UUID uuid) {
        return uuid.getMostSignificantBits() >>> 16;
    }
}
