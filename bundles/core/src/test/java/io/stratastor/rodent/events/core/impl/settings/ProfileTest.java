package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Level;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void theThreeFullProfilesShipEveryLevelButDebugAndTrace() {
        for (Profile profile : new Profile[] {Profile.DEFAULT, Profile.HIGH_THROUGHPUT, Profile.LOW_LATENCY}) {
            assertThat(profile.levels()).as(profile.label())
                    .containsExactlyInAnyOrder(Level.INFO, Level.WARN, Level.ERROR, Level.CRITICAL, Level.ESSENTIAL);
        }
    }

    @Test
    void minimalShipsEssentialErrorAndCritical() {
        assertThat(Profile.MINIMAL.levels()).containsExactlyInAnyOrder(Level.ESSENTIAL, Level.ERROR, Level.CRITICAL);
    }

    @Test
    void levelsAreACopyTheCallerCannotChangeTheProfileThrough() {
        Profile.DEFAULT.levels().add(Level.TRACE);

        assertThat(Profile.DEFAULT.levels()).doesNotContain(Level.TRACE);
    }
}
