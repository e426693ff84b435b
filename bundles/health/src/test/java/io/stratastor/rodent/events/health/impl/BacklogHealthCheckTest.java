package io.stratastor.rodent.events.health.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class BacklogHealthCheckTest {

    @Test
    void aBacklogOlderThanTheBoundIsCritical() {
        BacklogHealthCheck check = new BacklogHealthCheck(Snapshots.config(Map.of("backlog_age_max_seconds", 60)));

        Result result = check.assess(Snapshots.stats("unavailable", "", 40, 61_000, Snapshots.spool("ok", 0, 0, "")));

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("the oldest of 40 waiting events is 61 s old, over the bound of 60 s"
                + " (backlog_age_max_seconds); Toggle is unavailable");
    }

    @Test
    void aBacklogWithinTheBoundIsOk() {
        BacklogHealthCheck check = new BacklogHealthCheck(Snapshots.config(Map.of("backlog_age_max_seconds", 60)));

        assertThat(check.assess(Snapshots.stats("connected", "", 40, 60_000, Snapshots.spool("ok", 0, 0, ""))).getStatus())
                .isEqualTo(Result.Status.OK);
    }

    @Test
    void theDefaultBoundIsFiveMinutes() {
        BacklogHealthCheck check = new BacklogHealthCheck(Snapshots.config(Map.of()));

        assertThat(check.assess(Snapshots.stats("connected", "", 1, 300_000, null)).getStatus()).isEqualTo(Result.Status.OK);
        assertThat(check.assess(Snapshots.stats("connected", "", 1, 301_000, null)).getStatus()).isEqualTo(Result.Status.CRITICAL);
    }

    @Test
    void aBoundOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new BacklogHealthCheck(Snapshots.config(Map.of("backlog_age_max_seconds", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rodent.events.health backlog_age_max_seconds must be 1 to 604800 seconds, was 0");
    }
}
