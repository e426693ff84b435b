package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.UnmigratedType;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.osgi.util.converter.Converters;

/** Snapshots of a pipeline in the states the checks judge, and configurations built from maps. */
final class Snapshots {
    private Snapshots() {
    }

    static EventStats.Spool spool(String state, long quarantined, long diskErrors, String lastError) {
        return new EventStats.Spool("/data/spool", 2048, 1, 4096, 3, 0, 10, quarantined, quarantined * 100, 0, diskErrors, state,
                lastError, "batch", 4, "block", 0, Map.of());
    }

    static EventStats stats(String toggleState, String lastError, int pending, long oldestAgeMs, EventStats.Spool spool) {
        return new EventStats(true, false, new EventStats.Settings("default", 500, 100, 1000, 5.0, Set.of(Level.INFO), Set.of()),
                new EventStats.Intake(20, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0),
                new EventStats.Shipping(17, 2, 6, toggleState.equals("auth_failed") ? 6 : 0, 0, 0, 0, "toggle.example:50051", true,
                        toggleState, "2025-09", "none", 0, lastError, 0, 0.0),
                new EventStats.Store(pending, 1000, oldestAgeMs, spool == null ? "memory" : spool.state(), spool), OptionalLong.empty());
    }

    static EventStats toggle(String toggleState, String lastError) {
        return stats(toggleState, lastError, 3, 1000, spool("ok", 0, 0, ""));
    }

    static HealthConfiguration config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(HealthConfiguration.class);
    }

    /** An event system answering {@code snapshot} with the given one. */
    static EventSystem system(EventStats snapshot) {
        return new EventSystem() {
            @Override
            public boolean isInitialized() {
                return true;
            }

            @Override
            public Map<String, Object> stats() {
                return snapshot.asMap();
            }

            @Override
            public EventStats snapshot() {
                return snapshot;
            }

            @Override
            public boolean flush(long timeoutMillis) {
                return true;
            }

            @Override
            public List<UnmigratedType> unmigratedTypes() {
                return List.of();
            }
        };
    }
}
