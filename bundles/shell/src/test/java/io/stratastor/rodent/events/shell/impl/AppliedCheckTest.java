package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppliedCheckTest {

    @Test
    void numbersCompareByValue() {
        AppliedCheck timeout = AppliedCheck.of("batch_timeout", 2.0).orElseThrow();

        assertThat(timeout.statKey()).isEqualTo("batch_timeout_seconds");
        assertThat(timeout.holds(Map.of("batch_timeout_seconds", 2))).isTrue();
        assertThat(timeout.holds(Map.of("batch_timeout_seconds", 30.0))).isFalse();
        assertThat(AppliedCheck.of("batch_size", "50").orElseThrow().holds(Map.of("batch_size", 50L))).isTrue();
    }

    @Test
    void listsCompareAsSetsInLowerCase() {
        AppliedCheck levels = AppliedCheck.of("enabled_levels", new String[] {"Critical", "warning"}).orElseThrow();

        assertThat(levels.holds(Map.of("enabled_levels", "warn,critical"))).isTrue();
        assertThat(levels.holds(Map.of("enabled_levels", "warn"))).isFalse();
    }

    @Test
    void valuesMeaningTheProfilesAndKeysWithoutAFigureHaveNoCheck() {
        assertThat(AppliedCheck.of("batch_size", 0)).isEmpty();
        assertThat(AppliedCheck.of("enabled_levels", new String[0])).isEmpty();
        assertThat(AppliedCheck.of("max_retry_attempts", 3)).isEmpty();
        assertThat(AppliedCheck.of("toggle.jwt", "")).isEmpty();
    }

    @Test
    void aTokenIsCheckedOnlyAsSet() {
        AppliedCheck token = AppliedCheck.of("toggle.jwt", "eyJ.secret").orElseThrow();

        assertThat(token).isEqualTo(new AppliedCheck("toggle_token", "set"));
        assertThat(token.holds(Map.of("toggle_token", "set"))).isTrue();
    }

    @Test
    void missingFigureNeverHolds() {
        assertThat(AppliedCheck.of("profile", "minimal").orElseThrow().holds(Map.of())).isFalse();
        assertThat(AppliedCheck.of("profile", "minimal").orElseThrow().current(Map.of())).isEqualTo("-");
    }
}
