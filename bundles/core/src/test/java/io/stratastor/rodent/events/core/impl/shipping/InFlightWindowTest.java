package io.stratastor.rodent.events.core.impl.shipping;

import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.ENCODERS;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.event;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.numbers;
import static io.stratastor.rodent.events.core.impl.shipping.ShippingFixtures.toggled;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.proto.EventBatch;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The window on the test thread: sends through a held transport, answers given in any order, settling by hand. */
class InFlightWindowTest {
    private static final ToggleSettings TOGGLE = toggled().build().toggle();

    private final MemoryEventStore memory = new MemoryEventStore(100);
    private final ShippingCounters stats = new ShippingCounters();
    // What the store was told to forget, and the count of sent events at that moment.
    private final List<String> removals = new ArrayList<>();
    private final EventStore store = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                if (method.getName().equals("remove")) {
                    removals.add(args[0] + " with " + stats.sent() + " sent");
                }
                return method.invoke(memory, args);
            });
    private final List<EventBatch> deadLetters = new ArrayList<>();
    private final List<SendOutcome> answered = new ArrayList<>();
    private final AtomicInteger answersCame = new AtomicInteger();
    private final InFlightWindow window =
            new InFlightWindow(store, stats, (batch, reason) -> deadLetters.add(batch), ENCODERS, answersCame::incrementAndGet);
    private final ScriptedTransport transport = new ScriptedTransport().holdAnswers();

    private PendingBatch openAndSend(ScriptedTransport on, ToggleSettings toggle) {
        PendingBatch batch = window.open(store.peekEncoded(window.events(), 2, Long.MAX_VALUE), 1_764_000_000_000L,
                "batch-" + window.events());
        window.send(batch, on, "token-1", toggle);
        return batch;
    }

    private boolean settle() {
        return window.settle((batch, result) -> answered.add(result.outcome()));
    }

    private void emit(int events) {
        for (int n = 0; n < events; n++) {
            store.append(event(n, 1_764_000_000_000L));
        }
    }

    @Test
    void answersOutOfOrderAreForgottenInOrderEachCountedBeforeTheStoreForgetsIt() {
        emit(6);
        for (int i = 0; i < 3; i++) {
            openAndSend(transport, TOGGLE);
        }
        assertThat(window.events()).isEqualTo(6);

        transport.answer(2, SendOutcome.DELIVERED);
        transport.answer(1, SendOutcome.DELIVERED);
        assertThat(settle()).isFalse();
        assertThat(store.size()).isEqualTo(6);
        assertThat(stats.sent()).isZero();

        transport.answer(0, SendOutcome.DELIVERED);
        assertThat(settle()).isTrue();
        assertThat(removals).containsExactly("2 with 2 sent", "2 with 4 sent", "2 with 6 sent");
        assertThat(store.size()).isZero();
        assertThat(window.events()).isZero();
        assertThat(window.isEmpty()).isTrue();
        assertThat(stats.batchesSent()).isEqualTo(3);
        assertThat(answered).containsExactly(SendOutcome.DELIVERED, SendOutcome.DELIVERED, SendOutcome.DELIVERED);
    }

    @Test
    void theWindowIsFullAtMaxInFlight() {
        emit(2 * InFlightWindow.MAX_IN_FLIGHT);
        for (int i = 0; i < InFlightWindow.MAX_IN_FLIGHT - 1; i++) {
            openAndSend(transport, TOGGLE);
            assertThat(window.isFull()).isFalse();
        }
        openAndSend(transport, TOGGLE);
        assertThat(window.isFull()).isTrue();
    }

    @Test
    void onAClosedTransportTheUnansweredBatchesGoAgainOldestFirstAndTheirLateAnswersAreStale() {
        emit(6);
        for (int i = 0; i < 3; i++) {
            openAndSend(transport, TOGGLE);
        }
        transport.answer(1, SendOutcome.DELIVERED);
        settle();

        window.transportClosed();
        List<String> again = new ArrayList<>();
        window.forEachWaiting(batch -> again.add(batch.batchId()));
        assertThat(again).containsExactly("batch-0", "batch-4");
        assertThat(window.anyWaiting()).isTrue();

        ScriptedTransport next = new ScriptedTransport().holdAnswers();
        window.forEachWaiting(batch -> window.send(batch, next, "token-1", TOGGLE));
        assertThat(next.attempts()).extracting(attempt -> attempt.batch().getBatchId()).containsExactly("batch-0", "batch-4");

        // The closed transport's answers to the first attempts come late, while the batches are out again: they are not taken.
        transport.answer(0, SendOutcome.DELIVERED);
        transport.answer(2, SendOutcome.REJECTED);
        assertThat(settle()).isFalse();
        assertThat(answered).containsExactly(SendOutcome.DELIVERED);
        assertThat(store.size()).isEqualTo(6);

        next.answer(0, SendOutcome.DELIVERED);
        next.answer(1, SendOutcome.DELIVERED);
        assertThat(settle()).isTrue();
        assertThat(store.size()).isZero();
        assertThat(deadLetters).isEmpty();
        assertThat(stats.sent()).isEqualTo(6);
    }

    @Test
    void aForgottenBatchsBufferCarriesALaterBatchButNotWhenItWasSentOnAClosedTransport() {
        emit(6);
        openAndSend(transport, TOGGLE);
        transport.answer(0, SendOutcome.DELIVERED);
        settle();
        openAndSend(transport, TOGGLE);
        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts.get(1).array()).as("the forgotten batch's buffer").isSameAs(attempts.get(0).array());
        assertThat(attempts.get(1).batch().getEventsList()).extracting(event -> event.getEventId())
                .doesNotContainAnyElementsOf(attempts.get(0).batch().getEventsList().stream().map(event -> event.getEventId()).toList())
                .hasSize(2);

        // In flight when its transport closed: delivered on the next, forgotten, and its buffer never used again.
        window.transportClosed();
        ScriptedTransport next = new ScriptedTransport().holdAnswers();
        window.forEachWaiting(batch -> window.send(batch, next, "token-1", TOGGLE));
        next.answer(0, SendOutcome.DELIVERED);
        settle();
        openAndSend(next, TOGGLE);
        assertThat(next.attempts().get(1).array()).isNotSameAs(attempts.get(1).array());
        assertThat(next.attempts().get(1).batch().getEventsCount()).isEqualTo(2);
    }

    @Test
    void aFailedBatchGoesAgainAsTheSameBytesInTheSameSchemaAndIsEncodedAgainWithItsIdsAfterASwitch() throws Exception {
        emit(2);
        PendingBatch batch = openAndSend(transport, TOGGLE);
        transport.answer(0, SendOutcome.RETRY);
        settle();
        assertThat(answered).containsExactly(SendOutcome.RETRY);
        assertThat(window.anyWaiting()).isTrue();

        window.send(batch, transport, "token-1", TOGGLE);
        transport.answer(1, SendOutcome.RETRY);
        settle();
        window.send(batch, transport, "token-1", toggled().toggleSchema("2025-12").build().toggle());

        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts.get(1).bytes()).isEqualTo(attempts.get(0).bytes());
        assertThat(attempts.get(2).bytes()).isNotEqualTo(attempts.get(0).bytes());
        io.stratastor.rodent.events.wire.v2025_09.EventBatch before =
                io.stratastor.rodent.events.wire.v2025_09.EventBatch.parseFrom(attempts.get(0).bytes());
        io.stratastor.rodent.events.wire.v2025_12.EventBatch after =
                io.stratastor.rodent.events.wire.v2025_12.EventBatch.parseFrom(attempts.get(2).bytes());
        assertThat(after.getBatchId()).isEqualTo(before.getBatchId()).isEqualTo("batch-0");
        assertThat(after.getEventsList()).extracting(io.stratastor.rodent.events.wire.v2025_12.events.Event::getEventId)
                .containsExactly(before.getEvents(0).getEventId(), before.getEvents(1).getEventId());
        assertThat(after.getEvents(0).getStorageEvent().getPoolEvent().getPoolName()).isEqualTo("tank");
    }

    @Test
    void aBatchRefusedForGoodIsDeadLetteredInTheNodesOwnFormAndForgotten() {
        emit(2);
        openAndSend(transport, toggled().toggleSchema("2025-12").build().toggle());
        transport.answer(0, SendOutcome.REJECTED);

        assertThat(settle()).isTrue();

        assertThat(deadLetters).singleElement().satisfies(batch -> {
            assertThat(batch.getBatchId()).isEqualTo("batch-0");
            assertThat(batch.getEventsList()).containsExactly(event(0, 1_764_000_000_000L), event(1, 1_764_000_000_000L));
        });
        assertThat(stats.deadLettered()).isEqualTo(2);
        assertThat(stats.sent()).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void anAnswerFromTheTransportsThreadIsQueuedUntilSettled() throws Exception {
        emit(2);
        openAndSend(transport, TOGGLE);
        Thread answering = new Thread(() -> transport.answer(0, SendOutcome.DELIVERED));
        answering.start();
        answering.join();

        assertThat(answersCame).hasValue(1);
        assertThat(store.size()).isEqualTo(2);
        assertThat(settle()).isTrue();
        assertThat(numbers(transport.attempts().get(0).batch())).containsExactly("0", "1");
        assertThat(store.size()).isZero();
    }
}
