package io.stratastor.rodent.events.core.impl.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyTest {

    @Property
    void delayIsJitteredWithinHalfToFullCeilingAndNeverAboveMax(@ForAll @IntRange(min = 1, max = 1000) int attempt,
            @ForAll @IntRange(min = 1, max = 20) int maxAttempts, @ForAll @LongRange(min = 1, max = 10_000) long baseMillis,
            @ForAll long seed) {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(baseMillis), Duration.ofMillis(baseMillis * 50), maxAttempts);

        Duration ceiling = policy.ceiling(attempt);
        Duration delay = policy.delay(attempt, new Random(seed));

        assertThat(ceiling).isLessThanOrEqualTo(Duration.ofMillis(baseMillis * 50));
        assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
    }

    @Property
    void ceilingNeverShrinksAsFailuresGoOn(@ForAll @IntRange(min = 1, max = 500) int attempt,
            @ForAll @IntRange(min = 1, max = 20) int maxAttempts) {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(60), maxAttempts);

        assertThat(policy.ceiling(attempt + 1)).isGreaterThanOrEqualTo(policy.ceiling(attempt));
    }

    @Property
    void ceilingDoublesUntilMaxAttemptsThenStays(@ForAll @IntRange(min = 1, max = 8) int maxAttempts) {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofDays(1), maxAttempts);

        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(maxAttempts)).isEqualTo(Duration.ofMillis(100L << (maxAttempts - 1)));
        assertThat(policy.ceiling(maxAttempts + 10)).isEqualTo(policy.ceiling(maxAttempts));
    }
}
