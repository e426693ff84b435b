package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Level;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SpoolSettingsTest {

    @Test
    void defaultsAreValid() {
        assertThat(SpoolSettings.defaults()).satisfies(settings -> {
            assertThat(settings.maxFileSize()).isEqualTo(10 * 1024 * 1024);
            assertThat(settings.overflowPolicy()).isEqualTo(OverflowPolicy.BY_LEVEL);
        });
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheKeyAndTheRange() {
        SpoolSettings defaults = SpoolSettings.defaults();
        assertThatThrownBy(() -> defaults.withMaxFileSize(65_535)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_file_size").hasMessageContaining("65536");
        assertThatThrownBy(() -> defaults.withCapacityBytes(1_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> defaults.withFsync(FsyncPolicy.INTERVAL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Property
    void byLevelLimitsRiseWithTheLevelAndNeverPassTheCapacity(@ForAll @LongRange(min = 65_536, max = 1L << 50) long capacity) {
        OverflowPolicy policy = OverflowPolicy.BY_LEVEL;
        long previous = 0;
        for (Level level : new Level[] {Level.INFO, Level.WARN, Level.ERROR, Level.CRITICAL}) {
            long limit = policy.limitBytes(level, capacity);
            assertThat(limit).isGreaterThan(previous).isLessThanOrEqualTo(capacity);
            previous = limit;
        }
        assertThat(policy.limitBytes(Level.CRITICAL, capacity)).isEqualTo(capacity);
        assertThat(OverflowPolicy.REFUSE_NEWEST.limitBytes(Level.INFO, capacity)).isEqualTo(capacity);
    }
}
