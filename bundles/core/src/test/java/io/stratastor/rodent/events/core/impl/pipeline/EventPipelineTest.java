package io.stratastor.rodent.events.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.api.AcceptedEvent;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.intake.TappedEvents;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.shipping.ScriptedTransport;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.SendOutcome;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPipelineTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final StoragePoolResilverPayload RESILVER =
            StoragePoolResilverPayload.newBuilder().setPoolName("tank").setBytesResilvered(42).setSuccess(true).build();

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<EventBatch> deadLetters = new ArrayList<>();
    private EventPipeline pipeline;

    private EventPipeline start(SettingsBuilder settings) {
        // Retries fast so tests never wait on real backoff; a batch timeout no test reaches by itself.
        Settings built = settings.retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002).build();
        pipeline = new EventPipeline(built, CATALOG, new MemoryEventStore(built.bufferSize()),
                Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC), new Random(7), toggle -> transport,
                (batch, reason) -> {
                    synchronized (deadLetters) {
                        deadLetters.add(batch);
                    }
                });
        pipeline.start();
        return pipeline;
    }

    private static SettingsBuilder toggled() {
        return new SettingsBuilder().toggleAddress("127.0.0.1:50051").toggleJwt("token-1").batchSize(2).batchTimeoutSeconds(3600);
    }

    private void emitResilver() {
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs-pool-manager", RESILVER,
                Map.of("pool", "tank"));
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void fullBatchShipsWithEveryEnvelopeFieldSet() {
        start(toggled());

        emitResilver();
        emitResilver();

        await().until(() -> transport.delivered().size() == 1);
        EventBatch batch = transport.delivered().get(0);
        assertThat(batch.getEventsCount()).isEqualTo(2);
        assertThat(batch.getBatchId()).hasSize(36);
        Event event = batch.getEvents(0);
        assertThat(event.getEventId()).hasSize(36).isNotEqualTo(batch.getEvents(1).getEventId());
        assertThat(event.getEventType()).isEqualTo("storage.pool.resilvered");
        assertThat(event.getLevel()).isEqualTo(EventLevel.EVENT_LEVEL_INFO);
        assertThat(event.getCategory()).isEqualTo(EventCategory.EVENT_CATEGORY_STORAGE);
        assertThat(event.getSource()).isEqualTo("zfs-pool-manager");
        assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2026-11-27T03:00:00Z").toEpochMilli());
        // Generation 2025-09, the default: nothing in field 9 (payload_type of the node's own envelope).
        assertThat(event.getPayloadType()).isEmpty();
        assertThat(event.getMetadataMap()).containsExactly(Map.entry("pool", "tank"));
        assertThat(transport.attempts()).extracting(ScriptedTransport.Attempt::token).containsOnly("token-1");
        await().until(() -> (long) pipeline.stats().get("sent") == 2);
    }

    @Test
    void payloadTravelsAsGoJsonOfTheMessageSent() {
        start(toggled());
        emitResilver();
        emitResilver();

        await().until(() -> transport.delivered().size() == 1);
        assertThat(transport.delivered().get(0).getEvents(0).getPayload().toStringUtf8())
                .isEqualTo("{\"pool_name\":\"tank\",\"bytes_resilvered\":42,\"success\":true}");
    }

    @Test
    void partialBatchWaitsForTheTimeoutUnlessFlushed() throws Exception {
        start(toggled());
        emitResilver();

        assertThat(pipeline.stats()).containsEntry("pending", 1);
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(transport.delivered()).singleElement().extracting(EventBatch::getEventsCount).isEqualTo(1);
        assertThat(pipeline.stats()).containsEntry("pending", 0);
    }

    @Test
    void aPartialBatchShipsByItselfOnceTheBatchTimeoutPasses() {
        pipeline = new EventPipeline(toggled().batchTimeoutSeconds(0.05).build(), CATALOG, new MemoryEventStore(100),
                Clock.systemUTC(), new Random(7), toggle -> transport, (batch, reason) -> { });
        pipeline.start();

        emitResilver();

        await().until(() -> transport.delivered().size() == 1);
        assertThat(transport.delivered().get(0).getEventsCount()).isEqualTo(1);
    }

    @Test
    void withTheDurableSpoolBatchesShipWhileEmissionGoesOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Settings settings = toggled().batchSize(100).batchTimeoutSeconds(0.05).retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002)
                .build();
        pipeline = new EventPipeline(settings, CATALOG,
                io.stratastor.rodent.events.core.impl.spool.FileSpool.open(dir, settings.spool().withMaxFileSize(65_536).withCapacityBytes(1 << 24)),
                Clock.systemUTC(), new Random(7), toggle -> transport, (batch, reason) -> { });
        pipeline.start();

        for (int i = 0; i < 250; i++) {
            emitResilver();
        }

        await().until(() -> transport.delivered().stream().mapToInt(EventBatch::getEventsCount).sum() == 250);
    }

    @Test
    void aPushedBackBatchIsDeliveredAfterTheBoundedWaitAndTheStatsShowThePushback() throws Exception {
        // start() sets retry_backoff_max to 2 ms: Toggle's ten seconds are cut to that.
        transport.thenPushedBack(java.time.Duration.ofSeconds(10), 1);
        start(toggled().toggleCompression("gzip"));
        emitResilver();
        emitResilver();

        await().until(() -> (long) pipeline.stats().get("sent") == 2);

        assertThat(transport.attempts()).hasSize(2);
        assertThat(pipeline.stats()).containsEntry("pushbacks", 1L).containsEntry("failed_sends", 1L)
                .containsEntry("last_error", "RESOURCE_EXHAUSTED: slow down (Toggle asked for 10000 ms)")
                .containsEntry("toggle_compression", "gzip");
    }

    @Test
    void theStatsShowTheReplayRateAndTheDrainRateAndARateChangeIsShown() throws Exception {
        start(toggled().replayRate(250));
        assertThat(pipeline.stats()).containsEntry("replay_rate", 250).containsEntry("drain_rate", 0.0);
        emitResilver();
        emitResilver();

        await().until(() -> (long) pipeline.stats().get("sent") == 2);
        assertThat((double) pipeline.stats().get("drain_rate")).isPositive();

        pipeline.reconfigure(toggled().replayRate(0).build());
        assertThat(pipeline.stats()).containsEntry("replay_rate", 0);
    }

    @Test
    void transientFailuresRetryTheSameBatchIdUntilDelivered() throws Exception {
        transport.then(SendOutcome.RETRY, 3);
        start(toggled());
        emitResilver();
        emitResilver();

        await().until(() -> (long) pipeline.stats().get("sent") == 2);

        List<ScriptedTransport.Attempt> attempts = transport.attempts();
        assertThat(attempts).hasSize(4);
        assertThat(attempts.stream().map(a -> a.batch().getBatchId()).distinct()).hasSize(1);
        assertThat(attempts.stream().map(a -> a.batch().getEvents(0).getEventId()).distinct()).hasSize(1);
        assertThat(pipeline.stats()).containsEntry("failed_sends", 3L).containsEntry("toggle_state", "connected");
    }

    @Test
    void refusedTokenHoldsEverythingUntilTheTokenChanges() throws Exception {
        transport.acceptOnlyToken("token-2");
        start(toggled());
        emitResilver();
        emitResilver();

        await().until(() -> "auth_failed".equals(pipeline.stats().get("toggle_state")));
        int attemptsWhileBlocked = transport.attempts().size();
        emitResilver();
        emitResilver();
        assertThat(pipeline.stats()).containsEntry("pending", 4).containsEntry("sent", 0L);
        assertThat(transport.attempts()).hasSize(attemptsWhileBlocked);
        assertThat(pipeline.stats().values()).noneMatch(value -> String.valueOf(value).contains("token-1"));

        pipeline.reconfigure(toggled().toggleJwt("token-2").retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002).build());

        await().until(() -> (long) pipeline.stats().get("sent") == 4);
        Set<String> delivered = transport.delivered().stream().flatMap(b -> b.getEventsList().stream())
                .map(Event::getEventId).collect(Collectors.toSet());
        assertThat(delivered).hasSize(4);
    }

    @Test
    void aTokenFileReplacedWhileRefusedIsPickedUpWithoutReconfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("toggle.jwt"), "token-1");
        transport.acceptOnlyToken("token-2");
        start(toggled().toggleJwt("").toggleJwtFile(file.toString()));
        emitResilver();
        emitResilver();
        await().until(() -> "auth_failed".equals(pipeline.stats().get("toggle_state")));

        java.nio.file.Files.writeString(file, "token-2\n");
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        await().until(() -> (long) pipeline.stats().get("sent") == 2);
        assertThat(transport.attempts()).extracting(ScriptedTransport.Attempt::token).contains("token-1", "token-2");
    }

    @Test
    void aTransportThatCannotBeMadeIsShownAndRetriedNotFatal() {
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        Settings built = toggled().retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.01).build();
        pipeline = new EventPipeline(built, CATALOG, new MemoryEventStore(100), Clock.systemUTC(), new Random(7), toggle -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalArgumentException("toggle.ca_file cannot be used");
            }
            return transport;
        }, (batch, reason) -> { });
        pipeline.start();
        emitResilver();
        emitResilver();

        await().until(() -> (long) pipeline.stats().get("sent") == 2);
        assertThat(tries.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void batchRefusedForGoodIsDeadLetteredNotResent() {
        transport.then(SendOutcome.REJECTED, 1);
        start(toggled());
        emitResilver();
        emitResilver();

        await().until(() -> (long) pipeline.stats().get("dead_lettered") == 2);
        synchronized (deadLetters) {
            assertThat(deadLetters).hasSize(1);
        }
        assertThat(transport.attempts()).hasSize(1);
        assertThat(pipeline.stats()).containsEntry("pending", 0).containsEntry("sent", 0L);
    }

    @Test
    void filteredLevelsAndCategoriesAreCountedNotShipped() throws Exception {
        start(toggled().enabledLevels("error", "critical").enabledCategories("storage"));

        emitResilver();
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER, null);
        pipeline.publish(Category.SYSTEM, EventTypes.SYSTEM_SHUTDOWN, Level.CRITICAL, "init", null, null);
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(pipeline.stats()).containsEntry("filtered", 2L).containsEntry("emitted", 1L).containsEntry("sent", 1L);
    }

    @Test
    void invalidEventsThrowAndAreCountedAsRejected() {
        start(toggled());

        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, "storage.nope", Level.INFO, "zfs", null, null))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(pipeline.stats()).containsEntry("rejected", 1L).containsEntry("emitted", 0L);
    }

    @Test
    void aControlCharacterIsRefusedByNameWhetherTheEventIsAcceptedFilteredOrRedacted() {
        start(toggled().enabledLevels("warn", "error", "critical"));

        // Accepted (found while encoding), filtered (INFO), redacted (a secret-looking key), and in the source.
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER,
                Map.of("pool", "tank\u0007")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata value of pool").hasMessageContaining("U+0007");
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", RESILVER,
                Map.of("pool", "tank\u0007")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata value of pool");
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER,
                Map.of("password", "x\ny")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata value of password");
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs\u0085", RESILVER,
                Map.of("k\u001b", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source").hasMessageContaining("U+0085");
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER,
                Map.of("pool", "ü\u0000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata value of pool").hasMessageContaining("U+0000");

        assertThat(pipeline.stats()).containsEntry("rejected", 5L).containsEntry("emitted", 0L).containsEntry("filtered", 0L);
        // The same text without the control character goes through.
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER, Map.of("pool", "tank ü"));
        assertThat(pipeline.stats()).containsEntry("emitted", 1L);
    }

    @Test
    void withoutToggleEventsAreKeptAndShippedOnceAnAddressIsConfigured() throws Exception {
        start(new SettingsBuilder().batchSize(2).batchTimeoutSeconds(3600));
        emitResilver();
        emitResilver();
        assertThat(pipeline.stats()).containsEntry("toggle_state", "not_configured").containsEntry("pending", 2);
        assertThat(transport.attempts()).isEmpty();

        pipeline.reconfigure(toggled().retryBackoffBaseSeconds(0.001).retryBackoffMaxSeconds(0.002).build());

        await().until(() -> (long) pipeline.stats().get("sent") == 2);
    }

    @Test
    void fullBufferCountsDropsByLevel() {
        start(new SettingsBuilder().bufferSize(2).flushThreshold(2).batchSize(2));

        emitResilver();
        emitResilver();
        emitResilver();

        assertThat(pipeline.stats()).containsEntry("emitted", 2L).containsEntry("dropped", 1L).containsEntry("dropped_info", 1L);
    }

    @Test
    void legacyPathAcceptsAStructForAnyTypeAndCountsIt() throws Exception {
        start(toggled());
        Struct map = Struct.newBuilder().putFields("pool", Value.newBuilder().setStringValue("tank").build()).build();

        pipeline.publishLegacy(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "rodent", map, null);
        pipeline.publishLegacy(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "rodent", RESILVER, null);
        emitResilver();
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(pipeline.stats()).containsEntry("emitted", 3L).containsEntry("legacy_emitted", 2L);
        String resilver = "{\"pool_name\":\"tank\",\"bytes_resilvered\":42,\"success\":true}";
        assertThat(transport.delivered().stream().flatMap(b -> b.getEventsList().stream()).map(e -> e.getPayload().toStringUtf8()))
                .containsExactly("{\"pool\":\"tank\"}", resilver, resilver);
        assertThatThrownBy(() -> pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "m", map, null))
                .hasMessageContaining("expects payload rodent.events.StoragePoolResilverPayload");
    }

    @Test
    void tapsSeeEveryAcceptedEventAndAFailingTapNeverReachesTheEmitter() {
        start(toggled().enabledLevels("info"));
        List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        pipeline.taps(List.of(seen::add, event -> {
            throw new IllegalStateException("tap bug");
        }));

        emitResilver();
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.ERROR, "zfs", RESILVER, null);

        assertThat(seen).singleElement().extracting(Event::getEventType).isEqualTo(EventTypes.STORAGE_POOL_RESILVERED);
        assertThat(pipeline.stats()).containsEntry("taps", 2).containsEntry("tap_failures", 1L).containsEntry("emitted", 1L);
    }

    @Test
    void statsHoldTheDocumentedKeysAndNeverTheToken() {
        start(toggled());

        Map<String, Object> stats = pipeline.stats();

        assertThat(stats).containsKeys("initialized", "buffer_size", "max_buffer_size", "flush_threshold", "batch_size", "emitted",
                "filtered", "rejected", "sent", "failed_sends", "pending", "toggle_state");
        // Upstream Rodent's GetStats keys, all of them.
        assertThat(stats).containsKeys("initialized", "buffer_size", "max_buffer_size", "flush_threshold", "batch_size", "pending_events",
                "max_pending", "is_shutdown");
        assertThat(stats).containsEntry("is_shutdown", false).containsEntry("pending_events", 0).containsEntry("max_pending", 0)
                .containsEntry("max_buffer_size", 20_000L);
        assertThat(stats).containsEntry("initialized", true).containsEntry("toggle_token", "set");
        assertThat(stats.values()).noneMatch(value -> String.valueOf(value).contains("token-1"));
    }

    @Test
    void theTypedSnapshotAndTheMapShowTheSameFigures() {
        start(toggled().batchSize(10));
        emitResilver();
        emitResilver();

        EventStats snapshot = pipeline.snapshot(OptionalLong.empty());

        assertThat(snapshot.intake().emitted()).isEqualTo(2);
        assertThat(snapshot.store().pending()).isEqualTo(2);
        assertThat(snapshot.store().state()).isEqualTo("memory");
        assertThat(snapshot.store().spool()).isNull();
        assertThat(snapshot.shipping().tokenSet()).isTrue();
        assertThat(snapshot.settings().batchSize()).isEqualTo(10);
        assertThat(snapshot.asMap()).isEqualTo(pipeline.stats()).containsEntry("emitted", 2L).containsEntry("pending", 2);
        assertThat(snapshot.toString()).doesNotContain("token-1");
    }

    @Test
    void anEncodedTapGetsTheStoredBytesAndNothingIsParsedUnlessAnEventTapReadsIt() throws Exception {
        start(toggled().batchSize(10));
        List<byte[]> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<AcceptedEvent> views = new java.util.concurrent.CopyOnWriteArrayList<>();
        pipeline.encodedTaps(List.of(accepted -> {
            java.nio.ByteBuffer bytes = accepted.encoded();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            byte[] copied = new byte[accepted.encodedLength() + 2];
            accepted.copyEncoded(copied, 2);
            assertThat(Arrays.copyOfRange(copied, 2, copied.length)).isEqualTo(copy);
            kept.add(copy);
            views.add(accepted);
        }));

        emitResilver();
        // Looked at after the round of taps: the view is the emitting thread's, set again for each event.
        boolean parsedWithoutEventTap = TappedEvents.parsed(views.get(0));
        pipeline.taps(List.of(event -> { }));
        emitResilver();
        boolean parsedWithEventTap = TappedEvents.parsed(views.get(1));
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(parsedWithoutEventTap).isFalse();
        assertThat(parsedWithEventTap).isTrue();
        assertThat(views).extracting(AcceptedEvent::eventType).containsOnly(EventTypes.STORAGE_POOL_RESILVERED);
        List<Event> delivered = transport.delivered().stream().flatMap(b -> b.getEventsList().stream()).toList();
        assertThat(kept).extracting(Event::parseFrom).extracting(Event::getEventId)
                .containsExactlyElementsOf(delivered.stream().map(Event::getEventId).toList());
        assertThat(pipeline.stats()).containsEntry("taps", 2);
    }
}
