package io.stratastor.rodent.events.core.impl.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bucket alone, on nanoseconds given by hand. */
class ReplayBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void outsideADrainNothingWaitsAndNothingIsTaken() {
        ReplayBucket bucket = new ReplayBucket();
        bucket.watch(100, 100, 0);
        assertThat(bucket.hold(10, 100, 0)).isZero();
        bucket.sent(100);
        bucket.watch(101, 100, 0);
        // The drain starts from an empty bucket: a batch of ten at ten a second waits a second.
        assertThat(bucket.hold(10, 10, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aDrainEndsWhenNothingIsUnsentAndTheNextStartsEmptyAgain() {
        ReplayBucket bucket = new ReplayBucket();
        bucket.watch(20, 10, 0);
        assertThat(bucket.hold(10, 10, 0)).isEqualTo(Duration.ofSeconds(1));
        // Ten seconds later the bucket holds a second's worth, no more.
        assertThat(bucket.hold(10, 10, 10 * SECOND)).isZero();
        bucket.sent(10);
        assertThat(bucket.hold(10, 1, 10 * SECOND)).isEqualTo(Duration.ofMillis(100));
        bucket.watch(0, 10, 10 * SECOND);
        assertThat(bucket.hold(10, 10, 10 * SECOND)).isZero();
        bucket.watch(20, 10, 20 * SECOND);
        assertThat(bucket.hold(10, 10, 20 * SECOND)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theLargestRateAndLongWaitsStayWithinALong() {
        ReplayBucket bucket = new ReplayBucket();
        bucket.watch(Integer.MAX_VALUE, 1, 0);
        assertThat(bucket.hold(Integer.MAX_VALUE, Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.hold(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE / 2)).isZero();
        bucket.sent(Integer.MAX_VALUE);
        assertThat(bucket.hold(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE / 2)).isEqualTo(Duration.ofSeconds(1));
    }
}
