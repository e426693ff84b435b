package io.stratastor.rodent.events.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One immutable snapshot of the event system: its settings, what the intake took, what the
 * shipper sent, what the store holds. {@link #asMap()} is the same snapshot under the stable
 * snake_case keys of {@link EventSystem#stats()} (upstream Rodent's {@code GetStats} keys first),
 * for the shell and for callers of the map.
 *
 * @param initialized whether the pipeline has started and accepts events
 * @param shutdown whether the pipeline has stopped taking events for good
 * @param nodeEvents the core's own events about the node, when the core announces itself (inside OSGi)
 * @since 1.2
 */
public record EventStats(boolean initialized, boolean shutdown, Settings settings, Intake intake, Shipping shipping,
        Store store, OptionalLong nodeEvents) {

    /** The settings in force. */
    public record Settings(String profile, int flushThreshold, int batchSize, int maxBufferedInMemory,
            double batchTimeoutSeconds, Set<Level> enabledLevels, Set<Category> enabledCategories) {
        public Settings {
            enabledLevels = Set.copyOf(enabledLevels);
            enabledCategories = Set.copyOf(enabledCategories);
        }
    }

    /** What the intake did with the events it was handed. */
    public record Intake(long emitted, long legacyEmitted, long legacyUncatalogued, long filtered, long rejected,
            long redacted, Map<Level, Long> droppedByLevel, int taps, long tapFailures, long requeued) {
        public Intake {
            droppedByLevel = levels(droppedByLevel);
        }

        /** Accepted events the store refused (full, failing or stopping). */
        public long dropped() {
            return droppedByLevel.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What the shipper did and how it sees Toggle.
     *
     * @param pushbacks failed sends whose answer asked for a wait before the next ({@code grpc-retry-pushback-ms})
     * @param tokenSet whether a token is configured; the token itself is never in the stats
     * @param toggleCompression how batches are compressed on the wire: {@code none} or {@code gzip}
     * @param lastError the last failure's status and description, empty when none
     * @param replayRate events per second sent at most while a backlog drains ({@code replay_rate}); 0 is unlimited
     * @param drainRate events per second Toggle acknowledged over the last few seconds (exponentially weighted)
     */
    public record Shipping(long sent, long batchesSent, long failedSends, long authFailures, long pushbacks, long deadLettered,
            int inFlight, String toggleAddress, boolean tokenSet, String toggleState, String toggleSchema,
            String toggleCompression, long wireCarried, String lastError, int replayRate, double drainRate) {
    }

    /**
     * What waits for Toggle.
     *
     * @param maxBufferSize events the store can hold (for the spool, its capacity at the mean event size)
     * @param state the store's state: the spool's, or {@code memory} when the spool could not open
     * @param spool the spool's own figures; null when events are kept in memory
     */
    public record Store(int pending, long maxBufferSize, long oldestPendingAgeMs, String state, Spool spool) {
    }

    /** The durable spool's figures. */
    public record Spool(String directory, long bytes, long segments, long capacityBytes, long pending,
            long oldestPendingTimestamp, long acknowledged, long quarantinedRecords, long quarantinedBytes, long oversize,
            long diskErrors, String state, String lastError, String fsyncPolicy, long fsyncs, String overflowPolicy,
            long checkpointLost, Map<Level, Long> droppedByLevel) {
        public Spool {
            droppedByLevel = levels(droppedByLevel);
        }

        /** The spool's figures under their stats keys ({@code spool_bytes}, {@code disk_errors}, …); numbers are {@code Long}. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("spool_directory", directory);
            map.put("spool_bytes", bytes);
            map.put("spool_segments", segments);
            map.put("spool_capacity_bytes", capacityBytes);
            map.put("pending", pending);
            map.put("oldest_pending_timestamp", oldestPendingTimestamp);
            map.put("acknowledged", acknowledged);
            map.put("quarantined_records", quarantinedRecords);
            map.put("quarantined_bytes", quarantinedBytes);
            map.put("oversize", oversize);
            map.put("disk_errors", diskErrors);
            map.put("spool_state", state);
            map.put("spool_last_error", lastError);
            map.put("fsync_policy", fsyncPolicy);
            map.put("fsyncs", fsyncs);
            map.put("overflow_policy", overflowPolicy);
            map.put("checkpoint_lost", checkpointLost);
            putDropped(map, droppedByLevel);
            return Collections.unmodifiableMap(map);
        }
    }

    /**
     * The snapshot under the keys of {@link EventSystem#stats()}, in their documented order; the
     * spool's keys follow, less those the pipeline already gave ({@code pending}, {@code dropped_*}).
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("initialized", initialized);
        map.put("profile", settings.profile());
        map.put("buffer_size", store.pending());
        map.put("max_buffer_size", store.maxBufferSize());
        map.put("flush_threshold", settings.flushThreshold());
        map.put("batch_size", settings.batchSize());
        // An emit is in the store when it returns: there is no intake queue in front of it.
        map.put("pending_events", 0);
        map.put("max_pending", 0);
        map.put("is_shutdown", shutdown);
        map.put("max_buffered_in_memory", settings.maxBufferedInMemory());
        map.put("batch_timeout_seconds", settings.batchTimeoutSeconds());
        map.put("enabled_levels", join(settings.enabledLevels(), Level.values()));
        map.put("enabled_categories", join(settings.enabledCategories(), Category.values()));
        map.put("emitted", intake.emitted());
        map.put("legacy_emitted", intake.legacyEmitted());
        map.put("legacy_uncatalogued", intake.legacyUncatalogued());
        map.put("filtered", intake.filtered());
        map.put("rejected", intake.rejected());
        map.put("redacted", intake.redacted());
        map.put("dropped", intake.dropped());
        putDropped(map, intake.droppedByLevel());
        map.put("taps", intake.taps());
        map.put("tap_failures", intake.tapFailures());
        map.put("sent", shipping.sent());
        map.put("batches_sent", shipping.batchesSent());
        map.put("failed_sends", shipping.failedSends());
        map.put("auth_failures", shipping.authFailures());
        map.put("pushbacks", shipping.pushbacks());
        map.put("dead_lettered", shipping.deadLettered());
        map.put("requeued", intake.requeued());
        map.put("pending", store.pending());
        map.put("in_flight", shipping.inFlight());
        map.put("oldest_pending_age_ms", store.oldestPendingAgeMs());
        map.put("replay_rate", shipping.replayRate());
        // One decimal: the rate is an estimate.
        map.put("drain_rate", Math.round(shipping.drainRate() * 10) / 10.0);
        map.put("toggle_address", shipping.toggleAddress());
        map.put("toggle_token", shipping.tokenSet() ? "set" : "not set");
        map.put("toggle_state", shipping.toggleState());
        map.put("toggle_schema", shipping.toggleSchema());
        map.put("toggle_compression", shipping.toggleCompression());
        map.put("wire_carried", shipping.wireCarried());
        map.put("last_error", shipping.lastError());
        if (store.spool() != null) {
            store.spool().asMap().forEach(map::putIfAbsent);
        } else {
            map.put("spool_state", store.state());
        }
        nodeEvents.ifPresent(count -> map.put("node_events", count));
        return Collections.unmodifiableMap(map);
    }

    private static Map<Level, Long> levels(Map<Level, Long> byLevel) {
        EnumMap<Level, Long> all = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            all.put(level, byLevel.getOrDefault(level, 0L));
        }
        return Collections.unmodifiableMap(all);
    }

    private static void putDropped(Map<String, Object> map, Map<Level, Long> byLevel) {
        for (Level level : Level.values()) {
            map.put("dropped_" + level.label(), byLevel.get(level));
        }
    }

    // In declaration order, as the settings have always listed them.
    private static <E extends Enum<E>> String join(Set<E> chosen, E[] all) {
        StringBuilder text = new StringBuilder();
        for (E value : all) {
            if (chosen.contains(value)) {
                text.append(text.length() == 0 ? "" : ",").append(value.name().toLowerCase(Locale.ROOT));
            }
        }
        return text.toString();
    }
}
