package io.stratastor.rodent.events.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.bench.load.PoolFixture;
import org.junit.jupiter.api.Test;

/** The node as shipped and the bare pipeline must emit the same event, or their rates compare nothing. */
class FixturesTest {
    @Test
    void theLoadBundleEmitsTheHarnessEvent() {
        assertThat(PoolFixture.EVENT_TYPE).isEqualTo(Fixtures.EVENT_TYPE);
        assertThat(PoolFixture.LEVEL).isEqualTo(Level.WARN);
        assertThat(PoolFixture.PAYLOAD).isEqualTo(Fixtures.PAYLOAD);
        assertThat(PoolFixture.METADATA).isEqualTo(Fixtures.METADATA).hasSize(8);
    }
}
