package io.stratastor.rodent.events.core.impl.settings;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline's effective settings: a profile's values with explicit keys applied. Immutable;
 * swapped whole on reconfiguration. Built and validated by {@link SettingsBuilder}.
 *
 * @param spoolDirectory where the spool lives; empty means the component's default
 * @param replayRate events per second sent at most while a backlog drains; 0 is unlimited
 */
public record Settings(
        Profile profile,
        int bufferSize,
        int flushThreshold,
        int batchSize,
        long maxBatchBytes,
        Duration batchTimeout,
        Set<Level> enabledLevels,
        Set<Category> enabledCategories,
        int maxRetryAttempts,
        Duration retryBackoffBase,
        Duration retryBackoffMax,
        long maxFileSize,
        Duration shutdownTimeout,
        ToggleSettings toggle,
        String spoolDirectory,
        SpoolSettings spool,
        List<String> redactKeys,
        int replayRate) {

    /** Safely under gRPC's default 4 MiB inbound message limit at Toggle. */
    public static final long DEFAULT_MAX_BATCH_BYTES = 3L * 1024 * 1024;

    public Settings {
        EnumSet<Level> levels = EnumSet.noneOf(Level.class);
        levels.addAll(enabledLevels);
        EnumSet<Category> categories = EnumSet.noneOf(Category.class);
        categories.addAll(enabledCategories);
        enabledLevels = Collections.unmodifiableSet(levels);
        enabledCategories = Collections.unmodifiableSet(categories);
        redactKeys = List.copyOf(redactKeys);
    }

    /** Whether the spool must be reopened to apply {@code other}: its directory or its own settings differ. */
    public boolean sameSpool(Settings other) {
        return spoolDirectory.equals(other.spoolDirectory) && spool.equals(other.spool);
    }

    public boolean accepts(Level level, Category category) {
        return enabledLevels.contains(level) && enabledCategories.contains(category);
    }
}
