package io.stratastor.rodent.events.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.shipping.InFlightWindow;
import io.stratastor.rodent.events.core.impl.shipping.ScriptedTransport;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several batches in flight: answers may come in any order, the store forgets only in order, a failed batch goes again alone. */
class PipelinedShippingTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final StoragePoolPayload POOL = StoragePoolPayload.newBuilder().setPoolName("tank").build();

    // A Toggle whose answers the test gives, one batch at a time, in any order.
    private final ScriptedTransport transport = new ScriptedTransport().holdAnswers();
    private EventPipeline pipeline;

    private void start(int events) {
        Settings settings = new SettingsBuilder().toggleAddress("127.0.0.1:50051").toggleJwt("t").batchSize(2).batchTimeoutSeconds(3600)
                .retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002).build();
        pipeline = new EventPipeline(settings, CATALOG, new MemoryEventStore(1000), Clock.systemUTC(), new Random(7), toggle -> transport,
                (batch, reason) -> { });
        pipeline.start();
        for (int i = 0; i < events; i++) {
            pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs", POOL, Map.of("n", String.valueOf(i)));
        }
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            // Answers still held are failed, so the shipper stops without waiting out its deadline.
            transport.attempts().forEach(send -> send.answer().complete(new SendResult(SendOutcome.RETRY, "test over")));
            pipeline.close();
        }
    }

    @Test
    void upToTheWindowGoesOutBeforeAnyAnswerAndTheStoreForgetsOnlyInOrder() {
        start(10);

        await().until(() -> transport.attempts().size() == InFlightWindow.MAX_IN_FLIGHT);
        assertThat(pipeline.stats()).containsEntry("in_flight", 2 * InFlightWindow.MAX_IN_FLIGHT).containsEntry("pending", 10);

        transport.answer(1, SendOutcome.DELIVERED);
        await().until(() -> (long) pipeline.stats().get("failed_sends") == 0
                && transport.attempts().size() == InFlightWindow.MAX_IN_FLIGHT);
        assertThat(pipeline.stats()).containsEntry("pending", 10).containsEntry("sent", 0L);

        transport.answer(0, SendOutcome.DELIVERED);
        await().until(() -> (long) pipeline.stats().get("sent") == 4);
        assertThat(pipeline.stats()).containsEntry("pending", 6);
        // The freed room takes the last batch.
        await().until(() -> transport.attempts().size() == InFlightWindow.MAX_IN_FLIGHT + 1);

        for (int send = 2; send < transport.attempts().size(); send++) {
            transport.answer(send, SendOutcome.DELIVERED);
        }
        await().until(() -> (long) pipeline.stats().get("sent") == 10);
        List<String> shipped = transport.attempts().stream().flatMap(s -> s.batch().getEventsList().stream())
                .map(event -> event.getMetadataMap().get("n")).collect(Collectors.toList());
        assertThat(shipped).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void aFailedBatchAheadOfDeliveredOnesGoesAgainAloneWithItsIdAndTheRestIsNotResent() {
        start(6);
        await().until(() -> transport.attempts().size() == 3);

        transport.answer(1, SendOutcome.DELIVERED);
        transport.answer(2, SendOutcome.DELIVERED);
        transport.answer(0, SendOutcome.RETRY);

        await().until(() -> transport.attempts().size() == 4);
        ScriptedTransport.Attempt again = transport.attempts().get(3);
        assertThat(again.batch().getBatchId()).isEqualTo(transport.attempts().get(0).batch().getBatchId());
        assertThat(again.batch().getEventsList()).extracting(Event::getEventId)
                .containsExactlyElementsOf(transport.attempts().get(0).batch().getEventsList().stream().map(Event::getEventId).toList());
        assertThat(pipeline.stats()).containsEntry("pending", 6).containsEntry("failed_sends", 1L);

        transport.answer(3, SendOutcome.DELIVERED);
        await().until(() -> (long) pipeline.stats().get("sent") == 6);
        assertThat(pipeline.stats()).containsEntry("pending", 0).containsEntry("in_flight", 0);
        assertThat(transport.attempts()).hasSize(4);
    }
}
