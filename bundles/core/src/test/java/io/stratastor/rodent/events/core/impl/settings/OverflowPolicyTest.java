package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.EventLevel;
import org.junit.jupiter.api.Test;

class OverflowPolicyTest {

    @Test
    void byLevelGivesEachLevelItsShare() {
        OverflowPolicy policy = OverflowPolicy.BY_LEVEL;

        assertThat(policy.limitPercent(Level.TRACE)).isEqualTo(70);
        assertThat(policy.limitPercent(Level.DEBUG)).isEqualTo(70);
        assertThat(policy.limitPercent(Level.INFO)).isEqualTo(70);
        assertThat(policy.limitPercent(Level.WARN)).isEqualTo(85);
        assertThat(policy.limitPercent(Level.ESSENTIAL)).isEqualTo(95);
        assertThat(policy.limitPercent(Level.ERROR)).isEqualTo(95);
        assertThat(policy.limitPercent(Level.CRITICAL)).isEqualTo(100);
        assertThat(policy.lowestLimitPercent()).isEqualTo(70);
    }

    @Test
    void refuseNewestLetsEveryLevelFillTheCapacity() {
        for (Level level : Level.values()) {
            assertThat(OverflowPolicy.REFUSE_NEWEST.limitBytes(level, 1_000_000)).as(level.label()).isEqualTo(1_000_000);
        }
    }

    @Test
    void everyWireLevelIsJudgedAsItsOwnLevelAndAnUnsetOneAsInfo() {
        for (Level level : Level.values()) {
            assertThat(OverflowPolicy.levelOf(level.wireValue())).isEqualTo(level);
        }
        assertThat(OverflowPolicy.levelOf(EventLevel.EVENT_LEVEL_UNSPECIFIED)).isEqualTo(Level.INFO);
    }
}
