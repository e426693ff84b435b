package io.stratastor.rodent.events.core.impl.settings;

import io.stratastor.rodent.events.api.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four configuration profiles: starting values that explicit keys override.
 * No profile ships the diagnostic levels DEBUG and TRACE ({@code enabled_levels} asks for them);
 * minimal ships what must reach Toggle: ESSENTIAL, ERROR and CRITICAL.
 */
public enum Profile {
    DEFAULT("default", 20_000, 18_000, 100, Duration.ofSeconds(30), Profile.operational()),
    HIGH_THROUGHPUT("high-throughput", 50_000, 45_000, 500, Duration.ofSeconds(60), Profile.operational()),
    LOW_LATENCY("low-latency", 5_000, 4_000, 50, Duration.ofSeconds(5), Profile.operational()),
    MINIMAL("minimal", 2_000, 1_800, 25, Duration.ofSeconds(30), EnumSet.of(Level.ESSENTIAL, Level.ERROR, Level.CRITICAL));

    private final String label;
    private final int bufferSize;
    private final int flushThreshold;
    private final int batchSize;
    private final Duration batchTimeout;
    private final Set<Level> levels;

    Profile(String label, int bufferSize, int flushThreshold, int batchSize, Duration batchTimeout, Set<Level> levels) {
        this.label = label;
        this.bufferSize = bufferSize;
        this.flushThreshold = flushThreshold;
        this.batchSize = batchSize;
        this.batchTimeout = batchTimeout;
        this.levels = levels;
    }

    // Every level but the diagnostic ones.
    private static Set<Level> operational() {
        return EnumSet.complementOf(EnumSet.of(Level.DEBUG, Level.TRACE));
    }

    public String label() {
        return label;
    }

    public int bufferSize() {
        return bufferSize;
    }

    public int flushThreshold() {
        return flushThreshold;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration batchTimeout() {
        return batchTimeout;
    }

    public Set<Level> levels() {
        return EnumSet.copyOf(levels);
    }

    /**
     * The profile of a configuration value; blank means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the accepted profiles
     */
    public static Profile parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (wanted.isEmpty()) {
            return DEFAULT;
        }
        for (Profile profile : values()) {
            if (profile.label.equals(wanted)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("profile: unknown profile " + Shown.quoted(text) + "; expected one of "
                + Arrays.stream(values()).map(Profile::label).collect(Collectors.joining(", ")));
    }
}
