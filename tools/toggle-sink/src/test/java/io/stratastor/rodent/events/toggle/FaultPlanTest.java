package io.stratastor.rodent.events.toggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private ToggleSink sink;
    private SinkClient client;

    @BeforeEach
    void start() throws Exception {
        sink = ToggleSink.builder().port(0).noAuth().build().start();
        client = new SinkClient(sink.port());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        sink.close();
    }

    @Test
    void failNextFailsThatManyCallsWithoutKeepingThem() {
        sink.faults().failNext(2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))))
                    .isInstanceOf(StatusRuntimeException.class)
                    .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        }
        assertThat(client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))).getSuccess()).isTrue();
        assertThat(sink.counts().unique()).isEqualTo(1);
        assertThat(sink.faults().faultedCalls()).isEqualTo(2);
    }

    @Test
    void pushbackFailsThatManyCallsWithTheStatusAndTheRetryPushbackTrailer() {
        sink.faults().pushback(Status.Code.RESOURCE_EXHAUSTED, 2_000, 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))))
                    .isInstanceOf(StatusRuntimeException.class)
                    .satisfies(e -> {
                        StatusRuntimeException failure = (StatusRuntimeException) e;
                        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                        assertThat(failure.getTrailers().get(FaultPlan.RETRY_PUSHBACK)).isEqualTo("2000");
                    });
        }
        assertThat(client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))).getSuccess()).isTrue();
        assertThat(sink.counts().unique()).isEqualTo(1);
        assertThat(sink.faults().faultedCalls()).isEqualTo(2);

        sink.faults().failNext(1);
        assertThatThrownBy(() -> client.send(TestEvents.batch("b-2", TestEvents.resilver("e-2", "tank"))))
                .satisfies(e -> assertThat(((StatusRuntimeException) e).getTrailers().get(FaultPlan.RETRY_PUSHBACK)).isNull());
    }

    @Test
    void downFailsEveryCallUntilUpAgainAndKeepsTheLedger() {
        client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank")));
        sink.faults().down(true);

        assertThatThrownBy(() -> client.send(TestEvents.batch("b-2", TestEvents.resilver("e-2", "tank"))))
                .isInstanceOf(StatusRuntimeException.class);
        sink.faults().down(false);
        client.send(TestEvents.batch("b-2", TestEvents.resilver("e-1", "tank"), TestEvents.resilver("e-2", "tank")));

        assertThat(sink.counts().unique()).isEqualTo(2);
        assertThat(sink.counts().duplicates()).isEqualTo(1);
    }

    @Test
    void refuseAnswersSuccessFalseAndKeepsNothing() {
        sink.faults().refuse(true);

        assertThat(client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))).getSuccess()).isFalse();
        assertThat(sink.counts().unique()).isZero();
    }

    @Test
    void delayAnswersLateButKeepsTheEventsAtOnce() {
        sink.faults().delay(Duration.ofMillis(200));

        assertThat(client.send(TestEvents.batch("b-1", TestEvents.resilver("e-1", "tank"))).getSuccess()).isTrue();
        assertThat(sink.counts().unique()).isEqualTo(1);
    }

    @Test
    void badPlansAreRefused() {
        assertThatThrownBy(() -> sink.faults().failNext(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sink.faults().delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
