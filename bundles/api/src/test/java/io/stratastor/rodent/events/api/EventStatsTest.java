package io.stratastor.rodent.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventStatsTest {
    private static final EventStats.Settings SETTINGS = new EventStats.Settings("default", 500, 100, 10_000, 2.5,
            EnumSet.of(Level.WARN, Level.INFO), EnumSet.of(Category.SYSTEM, Category.STORAGE, Category.NETWORK));
    private static final EventStats.Intake INTAKE = new EventStats.Intake(7, 1, 0, 2, 3, 0, Map.of(Level.INFO, 4L), 1, 0, 0);
    private static final EventStats.Shipping SHIPPING = new EventStats.Shipping(5, 1, 0, 0, 3, 0, 2, "toggle:50051", true,
            "connected", "2025-09", "gzip", 0, "", 500, 412.345);

    @Test
    void theMapViewStartsWithUpstreamKeysAndNamesEachLevelsDrops() {
        EventStats stats = new EventStats(true, false, SETTINGS, INTAKE, SHIPPING,
                new EventStats.Store(2, 10_000, 15, "memory", null), OptionalLong.empty());
        Map<String, Object> map = stats.asMap();
        assertThat(List.copyOf(map.keySet()).subList(0, 9)).containsExactly("initialized", "profile", "buffer_size",
                "max_buffer_size", "flush_threshold", "batch_size", "pending_events", "max_pending", "is_shutdown");
        assertThat(map).containsEntry("buffer_size", 2).containsEntry("pending", 2).containsEntry("dropped", 4L)
                .containsEntry("dropped_info", 4L).containsEntry("dropped_error", 0L).containsEntry("toggle_token", "set")
                .containsEntry("spool_state", "memory").containsEntry("pushbacks", 3L).containsEntry("toggle_compression", "gzip").doesNotContainKey("node_events").doesNotContainKey("spool_bytes");
        // In the levels' and categories' declaration order, whatever order they were given in.
        assertThat(map).containsEntry("enabled_levels", "info,warn").containsEntry("enabled_categories", "system,storage,network");
        assertThatThrownBy(() -> map.put("emitted", 0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theSpoolsKeysFollowWithoutReplacingThePipelines() {
        EventStats.Spool spool = new EventStats.Spool("/var/spool", 4096, 1, 1 << 30, 2, 1_700_000_000_000L, 9, 0, 0, 0, 1,
                "ok", "", "interval", 3, "by_level", 0, Map.of(Level.INFO, 99L));
        EventStats stats = new EventStats(true, false, SETTINGS, INTAKE, SHIPPING, new EventStats.Store(2, 262_144, 0, "ok", spool),
                OptionalLong.of(3));
        Map<String, Object> map = stats.asMap();
        assertThat(map).containsEntry("spool_bytes", 4096L).containsEntry("disk_errors", 1L).containsEntry("spool_state", "ok")
                .containsEntry("dropped_info", 4L).containsEntry("pending", 2).containsEntry("node_events", 3L);
        assertThat(List.copyOf(map.keySet())).endsWith("checkpoint_lost", "node_events");
        assertThat(spool.asMap()).containsEntry("pending", 2L).containsEntry("dropped_info", 99L);
    }

    @Test
    void theReplayRateAndTheDrainRateFollowTheBacklogsAge() {
        Map<String, Object> map = new EventStats(true, false, SETTINGS, INTAKE, SHIPPING,
                new EventStats.Store(2, 10_000, 15, "memory", null), OptionalLong.empty()).asMap();
        assertThat(map).containsEntry("replay_rate", 500).containsEntry("drain_rate", 412.3);
        List<String> keys = List.copyOf(map.keySet());
        assertThat(keys.subList(keys.indexOf("oldest_pending_age_ms"), keys.indexOf("oldest_pending_age_ms") + 3))
                .containsExactly("oldest_pending_age_ms", "replay_rate", "drain_rate");
    }

    @Test
    void aTokenIsNeverInTheStatsOnlyWhetherOneIsSet() {
        EventStats.Shipping unset = new EventStats.Shipping(0, 0, 0, 0, 0, 0, 0, "", false, "not_configured", "2025-09", "none", 0, "", 0, 0);
        Map<String, Object> map = new EventStats(false, false, SETTINGS, INTAKE, unset,
                new EventStats.Store(0, 10_000, 0, "memory", null), OptionalLong.empty()).asMap();
        assertThat(map).containsEntry("toggle_token", "not set").containsEntry("initialized", false)
                .containsEntry("replay_rate", 0).containsEntry("drain_rate", 0.0);
    }
}
