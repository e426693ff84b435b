package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakeCapTest {
    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {
        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final StepClock clock = new StepClock();

    @Test
    void acceptsTheBurstThenRefusesWithTheMillisecondsUntilThereIsRoom() {
        IntakeCap cap = new IntakeCap(100, true, clock);

        assertThat(cap.admit(10)).isZero();
        assertThat(cap.admit(1)).isEqualTo(10);
        clock.advance(9);
        assertThat(cap.admit(1)).isEqualTo(1);
        clock.advance(1);
        assertThat(cap.admit(1)).isZero();
        assertThat(cap.refusedCalls()).isEqualTo(2);
        assertThat(cap.refusedEvents()).isEqualTo(2);

        clock.advance(60_000);
        assertThat(cap.admit(10)).as("after a minute idle, still only the burst").isZero();
        assertThat(cap.admit(1)).isEqualTo(10);
    }

    @Test
    void aBatchBiggerThanTheBurstWaitsForAFullBucketAndLeavesItInDebt() {
        IntakeCap cap = new IntakeCap(100, true, clock);

        assertThat(cap.admit(50)).isZero();
        assertThat(cap.admit(1)).isEqualTo(410);
        clock.advance(410);
        assertThat(cap.admit(1)).isZero();
    }

    @Test
    void sentBackToBackTheIntakeOfAnySecondStaysWithinTheCapPlusItsBurst() {
        IntakeCap cap = new IntakeCap(1000, true, clock);
        long accepted = 0;
        for (int step = 0; step < 10_000; step++) {
            if (cap.admit(7) == 0) {
                accepted += 7;
            }
            clock.advance(1);
        }

        assertThat(cap.peakPerSecond()).isBetween(1000L, 1100L);
        assertThat(accepted).isBetween(9_900L, 10_100L);
    }

    @Test
    void thePeakIsTheMostAcceptedWithinAnyOneSecondWindow() {
        IntakeCap cap = new IntakeCap(10, true, clock);
        cap.admit(1);
        clock.advance(600);
        cap.admit(1);
        clock.advance(399);
        cap.admit(1);
        assertThat(cap.peakPerSecond()).isEqualTo(3);

        clock.advance(1000);
        cap.admit(1);
        assertThat(cap.peakPerSecond()).isEqualTo(3);
    }

    @Test
    void aSinkBeyondItsCapAnswersResourceExhaustedWithPushbackAndKeepsNothing() throws Exception {
        try (ToggleSink sink = ToggleSink.builder().noAuth().intakeCap(10, true).clock(clock).build().start();
                SinkClient client = new SinkClient(sink.port())) {
            assertThat(client.send(batch("b-1", resilver("e-1", "tank"))).getSuccess()).isTrue();

            assertThatThrownBy(() -> client.send(batch("b-2", resilver("e-2", "tank"))))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                        assertThat(e.getTrailers().get(FaultPlan.RETRY_PUSHBACK)).isEqualTo("100");
                        assertThat(e.getStatus().getDescription()).contains("intake cap of 10 events/s");
                    });
            assertThat(sink.counts().unique()).isEqualTo(1);
            assertThat(sink.intake()).hasValueSatisfying(intake -> assertThat(intake.refusedCalls()).isEqualTo(1));

            clock.advance(100);
            assertThat(client.send(batch("b-2", resilver("e-2", "tank"))).getSuccess()).isTrue();
            assertThat(sink.counts().unique()).isEqualTo(2);
        }
    }

    @Test
    void withoutPushbackASinkBeyondItsCapAnswersPlainUnavailable() throws Exception {
        try (ToggleSink sink = ToggleSink.builder().noAuth().intakeCap(10, false).clock(clock).build().start();
                SinkClient client = new SinkClient(sink.port())) {
            client.send(batch("b-1", resilver("e-1", "tank")));

            assertThatThrownBy(() -> client.send(batch("b-2", resilver("e-2", "tank"))))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                        assertThat(e.getTrailers().containsKey(FaultPlan.RETRY_PUSHBACK)).isFalse();
                    });
            assertThat(sink.counts().unique()).isEqualTo(1);
        }
    }

    @Test
    void aCapBelowOneEventPerSecondIsRefusedNamingIt() {
        assertThatThrownBy(() -> ToggleSink.builder().intakeCap(0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intakeCap must be at least 1");
    }
}
