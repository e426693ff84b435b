package io.stratastor.rodent.events.core.impl.shipping;

import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.ENCODERS;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.event;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.numbers;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.toggled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper's rounds driven one {@code step()} at a time on the test thread, on a test clock. */
class ShipperTest {
    private final MutableClock clock = new MutableClock();
    private final MemoryEventStore store = new MemoryEventStore(100);
    private final ShippingCounters stats = new ShippingCounters();
    private final ScriptedTransport transport = new ScriptedTransport();
    private int emitted;

    private Shipper shipper(SettingsBuilder settings, ShippingClock time, Function<ToggleSettings, ToggleTransport> transports) {
        return new Shipper(store, stats, settings.build(), time, new Random(7), transports, (batch, reason) -> { }, ENCODERS);
    }

    private Shipper shipper(SettingsBuilder settings) {
        return shipper(settings, clock, toggle -> transport);
    }

    private void emit(int events) {
        for (int i = 0; i < events; i++) {
            store.append(event(emitted++, clock.millis()));
        }
    }

    private List<String> batchIds() {
        return transport.attempts().stream().map(attempt -> attempt.batch().getBatchId()).toList();
    }

    @Test
    void aPartialBatchGoesOnceTheTestClockPassesItsBatchTimeout() {
        Shipper shipper = shipper(toggled().batchTimeoutSeconds(10));
        emit(1);

        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(transport.attempts()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        shipper.step();
        assertThat(transport.attempts()).singleElement()
                .satisfies(attempt -> assertThat(numbers(attempt.batch())).containsExactly("0"));
        assertThat(store.size()).isZero();
        assertThat(stats.sent()).isEqualTo(1);
        assertThat(shipper.state()).isEqualTo(ToggleState.CONNECTED);
    }

    @Test
    void withTheWallClockSetBackAnHourAPartialBatchStillGoesAfterItsBatchTimeoutOfMonotonicTime() {
        Shipper shipper = shipper(toggled().batchTimeoutSeconds(10));
        emit(1);
        clock.setWall(Duration.ofHours(-1));

        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        shipper.step();

        assertThat(transport.attempts()).hasSize(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void withTheWallClockSetForwardADayAPartialBatchGoesAtOnceAndTheNextWaitsItsOwnTimeout() {
        Shipper shipper = shipper(toggled().batchTimeoutSeconds(10));
        emit(1);
        clock.setWall(Duration.ofDays(1));

        shipper.step();
        assertThat(transport.attempts()).hasSize(1);
        emit(1);
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(transport.attempts()).hasSize(1);
    }

    @Test
    void aBackoffIsWaitedOutOnMonotonicTimeWhicheverWayTheWallClockIsSet() {
        transport.then(SendOutcome.RETRY, 1);
        Shipper shipper = shipper(toggled());
        emit(2);
        shipper.step();
        Duration backoff = shipper.step();
        assertThat(backoff).isPositive();

        clock.setWall(Duration.ofDays(1));
        assertThat(shipper.step()).isEqualTo(backoff);
        clock.setWall(Duration.ofHours(-1));
        assertThat(shipper.step()).isEqualTo(backoff);
        assertThat(transport.attempts()).hasSize(1);

        clock.advance(backoff);
        shipper.step();
        assertThat(transport.attempts()).hasSize(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void aFailedBatchIsNotSentAgainBeforeItsGrowingBackoffPassesThenGoesAsTheSameBytes() {
        transport.then(SendOutcome.RETRY, 2);
        Shipper shipper = shipper(toggled());
        emit(2);

        assertThat(shipper.step()).isEqualTo(Shipper.GO_ON);
        Duration first = shipper.step();
        assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        clock.advance(first.minusNanos(1));
        assertThat(shipper.step()).isEqualTo(Duration.ofNanos(1));
        assertThat(transport.attempts()).hasSize(1);

        clock.advance(Duration.ofNanos(1));
        shipper.step();
        assertThat(transport.attempts()).hasSize(2);
        Duration second = shipper.step();
        assertThat(second).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        clock.advance(second);
        shipper.step();

        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts).hasSize(3).allSatisfy(attempt -> assertThat(attempt.bytes()).isEqualTo(attempts.get(0).bytes()));
        assertThat(store.size()).isZero();
        assertThat(stats.failedSends()).isEqualTo(2);
        assertThat(stats.sent()).isEqualTo(2);
    }

    @Test
    void aPushedBackBatchWaitsWhatToggleAskedThenGoesAsTheSameBytesAndNothingIsLost() {
        transport.thenPushedBack(Duration.ofSeconds(20), 1);
        Shipper shipper = shipper(toggled());
        emit(2);

        assertThat(shipper.step()).isEqualTo(Shipper.GO_ON);
        Duration wait = shipper.step();
        assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(22));
        clock.advance(wait.minusNanos(1));
        assertThat(shipper.step()).isEqualTo(Duration.ofNanos(1));
        assertThat(transport.attempts()).hasSize(1);
        assertThat(shipper.lastError()).isEqualTo("RESOURCE_EXHAUSTED: slow down (Toggle asked for 20000 ms)");

        clock.advance(Duration.ofNanos(1));
        shipper.step();
        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).bytes()).isEqualTo(attempts.get(0).bytes());
        assertThat(numbers(attempts.get(1).batch())).containsExactly("0", "1");
        assertThat(store.size()).isZero();
        assertThat(stats.sent()).isEqualTo(2);
        assertThat(stats.pushbacks()).isEqualTo(1);
        assertThat(stats.failedSends()).isEqualTo(1);
    }

    @Test
    void aFailedBatchGoesAgainWithItsIdBeforeAnythingNew() {
        transport.holdAnswers();
        Shipper shipper = shipper(toggled());
        emit(6);
        shipper.step();
        assertThat(transport.attempts()).hasSize(3);
        assertThat(shipper.inFlight()).isEqualTo(6);

        emit(2);
        transport.answer(0, SendOutcome.RETRY);
        transport.answer(1, SendOutcome.DELIVERED);
        clock.advance(shipper.step());
        assertThat(transport.attempts()).hasSize(3);
        assertThat(shipper.step()).isEqualTo(Shipper.GO_ON);
        shipper.step();

        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts).hasSize(5);
        assertThat(attempts.get(3).bytes()).isEqualTo(attempts.get(0).bytes());
        assertThat(numbers(attempts.get(4).batch())).containsExactly("6", "7");
        assertThat(batchIds().get(3)).isEqualTo(batchIds().get(0));
        assertThat(batchIds().subList(0, 3)).doesNotContain(batchIds().get(4));
    }

    @Test
    void aRefusedTokenHoldsEveryBatchUntilTheTokenChanges() {
        transport.acceptOnlyToken("token-2");
        Shipper shipper = shipper(toggled());
        emit(2);
        shipper.step();
        assertThat(shipper.state()).isEqualTo(ToggleState.AUTH_FAILED);

        emit(2);
        clock.advance(Duration.ofHours(1));
        assertThat(shipper.step()).isEqualTo(Shipper.UNTIL_WOKEN);
        assertThat(shipper.step()).isEqualTo(Shipper.UNTIL_WOKEN);
        assertThat(transport.attempts()).hasSize(1);
        assertThat(store.size()).isEqualTo(4);

        shipper.reconfigure(toggled().toggleJwt("token-2").build());
        shipper.step();
        shipper.step();

        assertThat(transport.attempts()).extracting(ScriptedTransport.Attempt::token).containsExactly("token-1", "token-2", "token-2");
        assertThat(batchIds().get(1)).isEqualTo(batchIds().get(0));
        assertThat(store.size()).isZero();
        assertThat(shipper.lastError()).doesNotContain("token-1");
    }

    @Test
    void aRefusedTokenFileIsLookedAtAgainEveryTwoSeconds(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("toggle.jwt"), "token-1");
        transport.acceptOnlyToken("token-2");
        Shipper shipper = shipper(toggled().toggleJwt("").toggleJwtFile(file.toString()));
        emit(2);
        shipper.step();

        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(2));

        Files.writeString(file, "token-2\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        shipper.step();
        assertThat(transport.attempts()).extracting(ScriptedTransport.Attempt::token).containsExactly("token-1", "token-2");
        assertThat(store.size()).isZero();
    }

    @Test
    void anEndpointChangeMakesANewTransportAndTheBatchesInFlightGoAgainOnIt() {
        Map<String, ScriptedTransport> made = new LinkedHashMap<>();
        Shipper shipper = shipper(toggled(), clock,
                toggle -> made.computeIfAbsent(toggle.address(), address -> new ScriptedTransport().holdAnswers()));
        emit(4);
        shipper.step();
        ScriptedTransport first = made.get("127.0.0.1:50051");
        assertThat(first.attempts()).hasSize(2);

        shipper.reconfigure(toggled().toggleAddress("127.0.0.1:50052").build());
        assertThat(shipper.step()).isEqualTo(Shipper.GO_ON);
        ScriptedTransport second = made.get("127.0.0.1:50052");
        assertThat(first.closed()).isTrue();
        assertThat(second.attempts()).extracting(attempt -> attempt.batch().getBatchId())
                .containsExactlyElementsOf(first.attempts().stream().map(attempt -> attempt.batch().getBatchId()).toList());

        // The closed transport's late answers are stale: nothing is forgotten for them.
        first.answer(0, SendOutcome.DELIVERED);
        first.answer(1, SendOutcome.DELIVERED);
        shipper.step();
        assertThat(store.size()).isEqualTo(4);
        assertThat(stats.sent()).isZero();

        second.answer(0, SendOutcome.DELIVERED);
        second.answer(1, SendOutcome.DELIVERED);
        shipper.step();
        assertThat(store.size()).isZero();
        assertThat(stats.sent()).isEqualTo(4);
        assertThat(made).hasSize(2);
    }

    @Test
    void theTransportIsMadeBeforeTheFirstBatchAndClosedWhenToggleIsNoLongerConfigured() {
        AtomicInteger made = new AtomicInteger();
        Shipper shipper = shipper(toggled(), clock, toggle -> {
            made.incrementAndGet();
            return transport;
        });
        assertThat(shipper.state()).isEqualTo(ToggleState.CONNECTING);
        shipper.step();
        assertThat(made).hasValue(1);
        assertThat(transport.closed()).isFalse();

        shipper.reconfigure(new SettingsBuilder().build());
        assertThat(shipper.step()).isEqualTo(Shipper.UNTIL_WOKEN);

        assertThat(transport.closed()).isTrue();
        assertThat(shipper.state()).isEqualTo(ToggleState.NOT_CONFIGURED);
    }

    @Test
    void aBacklogDrainsAtNoMoreThanTheReplayRateOfTheShippingClock() {
        // Four events a second, batches of two: one batch every half second of the test clock.
        Shipper shipper = shipper(toggled().replayRate(4));
        emit(12);

        // The drain starts from an empty bucket: the first batch waits for its two events' worth.
        assertThat(shipper.step()).isEqualTo(Duration.ofMillis(500));
        assertThat(transport.attempts()).isEmpty();
        for (int batch = 1; batch <= 6; batch++) {
            clock.advance(Duration.ofMillis(499));
            assertThat(shipper.step()).isEqualTo(Duration.ofMillis(1));
            assertThat(transport.attempts()).hasSize(batch - 1);
            clock.advance(Duration.ofMillis(1));
            Duration next = shipper.step();
            assertThat(transport.attempts()).as("batches sent by %d ms", batch * 500).hasSize(batch);
            if (batch < 6) {
                assertThat(next).isEqualTo(Duration.ofMillis(500));
            }
        }
        // Twelve events in three seconds, in order, none lost.
        assertThat(transport.delivered()).extracting(ShippingFixtures::numbers).containsExactly(List.of("0", "1"), List.of("2", "3"),
                List.of("4", "5"), List.of("6", "7"), List.of("8", "9"), List.of("10", "11"));
        assertThat(store.size()).isZero();
        assertThat(shipper.drainRate()).isPositive().isLessThanOrEqualTo(4);
    }

    @Test
    void unlimitedByDefaultABacklogGoesAtOnce() {
        Shipper shipper = shipper(toggled());
        emit(12);

        shipper.step();

        assertThat(transport.attempts()).hasSize(6);
        assertThat(store.size()).isZero();
    }

    @Test
    void underTheReplayRateTheSteadyFlowIsNotHeld() {
        Shipper shipper = shipper(toggled().replayRate(4));
        for (int round = 1; round <= 3; round++) {
            // One full batch pending at a time: no backlog, so nothing waits for the bucket.
            emit(2);
            shipper.step();
            assertThat(transport.attempts()).hasSize(round);
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void aReplayRateChangeAppliesAtTheNextStepAndABatchAboveASecondsWorthWaitsForAFullBucket() {
        Shipper shipper = shipper(toggled().replayRate(4));
        emit(12);
        clock.advance(shipper.step());
        shipper.step();
        assertThat(transport.attempts()).hasSize(1);

        // One event a second, batches of two: each batch waits for a full bucket (one event), then leaves it in debt.
        shipper.reconfigure(toggled().replayRate(1).build());
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(2));
        assertThat(transport.attempts()).hasSize(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(shipper.step()).isEqualTo(Duration.ofSeconds(2));
        assertThat(transport.attempts()).hasSize(3);

        // Unlimited again: the rest goes at once.
        shipper.reconfigure(toggled().replayRate(0).build());
        shipper.step();
        assertThat(transport.attempts()).hasSize(6);
        assertThat(store.size()).isZero();
    }

    @Test
    void theDrainRateIsTheEventsPerSecondOfTheLastFewSecondsOnTheShippingClock() {
        Shipper shipper = shipper(toggled().batchSize(10));
        assertThat(shipper.drainRate()).isZero();
        // A hundred events a second for a minute.
        for (int i = 0; i < 600; i++) {
            emit(10);
            shipper.step();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(stats.sent()).isEqualTo(6000);
        assertThat(shipper.drainRate()).isBetween(95.0, 105.0);

        // Nothing for five seconds: down by two thirds.
        clock.advance(Duration.ofSeconds(5));
        assertThat(shipper.drainRate()).isBetween(95.0 / Math.E, 105.0 / Math.E);
    }

    @Test
    void onItsThreadTheShipperShipsOnEachWakeFlushesAndClosesTheTransportOnStop() throws Exception {
        // Real nanoseconds, as the pipeline gives it: the thread really waits, and so does flush.
        Shipper shipper = shipper(toggled(), ShippingClock.system(clock), toggle -> transport);
        shipper.start();
        emit(2);
        shipper.wake();
        await().until(() -> stats.sent() == 2);

        emit(1);
        assertThat(shipper.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(transport.delivered()).extracting(ShippingFixtures::numbers).containsExactly(List.of("0", "1"), List.of("2"));

        shipper.stop(Duration.ofSeconds(5));
        assertThat(transport.closed()).isTrue();
    }
}
