package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthSummaryTest {

    @Test
    void summarisesToggleBacklogAndFiltersOnOneLine() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("toggle_state", "connected");
        stats.put("toggle_address", "toggle.example:50051");
        stats.put("toggle_token", "set");
        stats.put("pending", 3);
        stats.put("oldest_pending_age_ms", 1200L);
        stats.put("enabled_levels", "error,critical");
        stats.put("enabled_categories", "storage,identity");

        assertThat(HealthSummary.format(stats)).isEqualTo("health: toggle connected (toggle.example:50051, token set);"
                + " pending 3 (oldest 1200 ms); levels error,critical; categories storage,identity");
    }

    @Test
    void withoutAddressOrCategoriesItSaysSo() {
        Map<String, Object> stats = Map.of("toggle_state", "not_configured", "toggle_address", "", "toggle_token", "not set",
                "pending", 0, "oldest_pending_age_ms", 0L, "enabled_levels", "info,warn,error,critical", "enabled_categories", "");

        assertThat(HealthSummary.format(stats)).isEqualTo("health: toggle not_configured (no toggle.address set, token not set);"
                + " pending 0 (oldest 0 ms); levels info,warn,error,critical; categories all");
    }

    @Test
    void allEightCategoriesReadAll() {
        assertThat(HealthSummary.format(Map.of("enabled_categories", "system,storage,network,security,service,identity,access,sharing")))
                .endsWith("; categories all");
    }

    @Test
    void missingFiguresShowAsDashesAndTheTokenNeverAppears() {
        assertThat(HealthSummary.format(Map.of())).isEqualTo(
                "health: toggle - (no toggle.address set, token -); pending - (oldest - ms); levels -; categories all");
        assertThat(HealthSummary.notUp(Duration.ofSeconds(15))).startsWith("health: the events core is not up after 15 s");
    }
}
