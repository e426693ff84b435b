package io.stratastor.rodent.events.health.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class ToggleHealthCheckTest {
    private final ToggleHealthCheck check = new ToggleHealthCheck();

    @Test
    void unreachableToggleIsCriticalAndNamesTheAddressAndTheError() {
        Result result = check.assess(Snapshots.toggle("unavailable", "UNAVAILABLE: io exception"));

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("Toggle at toggle.example:50051 is not reachable (UNAVAILABLE: io exception)")
                .contains("3 events wait");
    }

    @Test
    void aRefusedTokenIsCriticalAndSaysWhatToSet() {
        Result result = check.assess(Snapshots.toggle("auth_failed", "UNAUTHENTICATED: bad token"));

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("refuses the token (6 refused sends)").contains("toggle.jwt");
    }

    @Test
    void aConnectedToggleIsOk() {
        assertThat(check.assess(Snapshots.toggle("connected", "")).getStatus()).isEqualTo(Result.Status.OK);
    }

    @Test
    void noAddressIsAWarning() {
        Result result = check.assess(Snapshots.toggle("not_configured", ""));

        assertThat(result.getStatus()).isEqualTo(Result.Status.WARN);
        assertThat(result.toString()).contains("toggle.address");
    }

    @Test
    void withoutTheCoreTheCheckIsCritical() {
        Result result = check.execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("core is not running");
    }

    @Test
    void executeJudgesTheBoundCoresSnapshot() {
        check.setEventSystem(Snapshots.system(Snapshots.toggle("unavailable", "")));

        assertThat(check.execute().toString()).contains("no error recorded");
    }
}
