package io.stratastor.rodent.events.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events accepted under one schema generation and shipped after a switch reach Toggle in the new one. */
class SchemaSwitchTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final StoragePoolPayload POOL = StoragePoolPayload.newBuilder().setPoolName("tank").setPoolState("ONLINE").build();

    /** Refuses every batch until opened; keeps the bytes of every attempt. */
    private static final class GateTransport implements ToggleTransport {
        final List<byte[]> attempts = new CopyOnWriteArrayList<>();
        volatile boolean open;

        @Override
        public CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
            attempts.add(batch.bytes());
            return CompletableFuture.completedFuture(open ? new SendResult(SendOutcome.DELIVERED, "ok")
                    : new SendResult(SendOutcome.RETRY, "UNAVAILABLE: closed"));
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }

    private final GateTransport transport = new GateTransport();
    private EventPipeline pipeline;

    private static SettingsBuilder settings(String schema) {
        return new SettingsBuilder().toggleAddress("127.0.0.1:50051").toggleJwt("t").batchSize(2).batchTimeoutSeconds(3600)
                .retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002).toggleSchema(schema);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            transport.open = true;
            pipeline.close();
        }
    }

    @Test
    void aBatchRefusedUnder2025_09GoesAgainIn2025_12WithItsIdsAfterTheSwitch() throws Exception {
        pipeline = new EventPipeline(settings("2025-09").build(), CATALOG, new MemoryEventStore(100), Clock.systemUTC(), new Random(3),
                toggle -> transport, (batch, reason) -> { });
        pipeline.start();
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs", POOL, Map.of("n", "0"));
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs", POOL, Map.of("n", "1"));
        await().until(() -> transport.attempts.size() >= 2);
        io.stratastor.rodent.events.wire.v2025_09.EventBatch before =
                io.stratastor.rodent.events.wire.v2025_09.EventBatch.parseFrom(transport.attempts.get(0));
        assertThat(before.getEvents(0).getPayload().toStringUtf8()).isEqualTo("{\"pool_name\":\"tank\",\"pool_state\":\"ONLINE\"}");

        pipeline.reconfigure(settings("2025-12").build());
        transport.open = true;
        assertThat(pipeline.flush(Duration.ofSeconds(30))).isTrue();

        io.stratastor.rodent.events.wire.v2025_12.EventBatch after =
                io.stratastor.rodent.events.wire.v2025_12.EventBatch.parseFrom(transport.attempts.get(transport.attempts.size() - 1));
        assertThat(after.getBatchId()).isEqualTo(before.getBatchId());
        assertThat(after.getEventsList()).extracting(io.stratastor.rodent.events.wire.v2025_12.events.Event::getEventId)
                .containsExactly(before.getEvents(0).getEventId(), before.getEvents(1).getEventId());
        assertThat(after.getEvents(0).getStorageEvent().getPoolEvent().getPoolName()).isEqualTo("tank");
        assertThat(after.getEvents(0).getMetadataMap()).containsEntry("rodent.payload.pool_state", "ONLINE").containsEntry("n", "0");
        assertThat(pipeline.stats()).containsEntry("toggle_schema", "2025-12").containsEntry("sent", 2L);
    }

    @Test
    void deadLettersKeepTheNodesOwnFormWhateverTheGeneration() throws Exception {
        List<EventBatch> kept = new CopyOnWriteArrayList<>();
        ToggleTransport refusing = new ToggleTransport() {
            @Override
            public CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
                return CompletableFuture.completedFuture(new SendResult(SendOutcome.REJECTED, "not for us"));
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
        pipeline = new EventPipeline(settings("2025-12").build(), CATALOG, new MemoryEventStore(100), Clock.systemUTC(), new Random(3),
                toggle -> refusing, (batch, reason) -> kept.add(batch));
        pipeline.start();
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs", POOL, null);
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs", POOL, null);

        await().until(() -> kept.size() == 1);
        assertThat(kept.get(0).getEventsList()).allSatisfy(event -> {
            assertThat(event.getPayloadType()).isEqualTo("rodent.events.StoragePoolPayload");
            assertThat(StoragePoolPayload.parseFrom(event.getPayload())).isEqualTo(POOL);
        });
    }
}
