package io.stratastor.rodent.events.health.impl;

/** Checks a configured number of seconds; stateless. */
final class Bounds {
    private Bounds() {
    }

    /** @throws IllegalArgumentException naming the key, the allowed range and the value */
    static long seconds(String key, long value) {
        if (value < 1 || value > HealthConfiguration.MAX_SECONDS) {
            throw new IllegalArgumentException(HealthConfiguration.PID + " " + key + " must be 1 to "
                    + HealthConfiguration.MAX_SECONDS + " seconds, was " + value);
        }
        return value;
    }
}
