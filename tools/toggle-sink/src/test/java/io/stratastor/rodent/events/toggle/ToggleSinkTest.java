package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import io.stratastor.rodent.events.upstream.WireGeneration;
import io.stratastor.rodent.events.wire.v2025_09.Event;
import io.stratastor.rodent.events.wire.v2025_09.EventBatchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToggleSinkTest {
    private final List<AutoCloseable> resources = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private ToggleSink start(ToggleSinkBuilder builder) throws IOException {
        ToggleSink sink = builder.build().start();
        resources.add(sink);
        return sink;
    }

    private SinkClient clientOf(ToggleSink sink) {
        SinkClient client = new SinkClient(sink.port());
        resources.add(0, client);
        return client;
    }

    private static String jsonOf(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void acceptedEventsAreStoredInArrivalOrder() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank")));
        client.send(batch("b2", resilver("e3", "backup")));

        assertThat(sink.uniqueEvents()).extracting(DecodedEvent::eventId).containsExactly("e1", "e2", "e3");
        DecodedEvent third = sink.uniqueEvents().get(2);
        assertThat(third.type()).isEqualTo("storage.pool.resilvered");
        assertThat(third.payload()).isEqualTo(TestEvents.resilverPayload("backup"));
        assertThat(third.metadata()).isEqualTo(Map.of("pool", "backup"));
        assertThat(third.wire()).isEqualTo(resilver("e3", "backup").toByteString());
        assertThat(third.problems()).isEmpty();
        assertThat(sink.counts()).isEqualTo(new Counts(3, 3, 0, 2, 0, 0, 0));
    }

    @Test
    void aGzippedBatchIsReadAsAPlainOne() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        EventBatchResponse response = client.sendGzipped(batch("b1", resilver("e1", "tank"), resilver("e2", "backup")));
        client.send(batch("b2", resilver("e3", "tank")));

        assertThat(response.getSuccess()).isTrue();
        assertThat(sink.uniqueEvents()).extracting(DecodedEvent::eventId).containsExactly("e1", "e2", "e3");
        assertThat(sink.uniqueEvents().get(1).wire()).isEqualTo(resilver("e2", "backup").toByteString());
        assertThat(sink.uniqueEvents()).allSatisfy(event -> assertThat(event.problems()).isEmpty());
    }

    @Test
    void answerIsSuccessNamingEventsAndDuplicates() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);
        client.send(batch("b1", resilver("e1", "tank")));

        EventBatchResponse response = client.send(batch("b2", resilver("e1", "tank"), resilver("e2", "tank")));

        assertThat(response.getSuccess()).isTrue();
        assertThat(response.getMessage()).isEqualTo("accepted 2 events (1 duplicates)");
    }

    @Test
    void duplicateEventIdsAcrossBatchesAreCountedAndNotStoredTwice() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank")));
        client.send(batch("b2", resilver("e2", "tank"), resilver("e3", "tank")));

        assertThat(sink.uniqueEvents()).extracting(DecodedEvent::eventId).containsExactly("e1", "e2", "e3");
        assertThat(sink.counts()).isEqualTo(new Counts(4, 3, 1, 2, 0, 0, 0));
    }

    @Test
    void duplicateEventIdsWithinOneBatchAreStoredOnce() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        clientOf(sink).send(batch("b1", resilver("e1", "tank"), resilver("e1", "tank")));

        assertThat(sink.uniqueEvents()).extracting(DecodedEvent::eventId).containsExactly("e1");
        assertThat(sink.counts().duplicates()).isEqualTo(1);
    }

    @Test
    void retriedBatchIdIsCountedAsRepeatedAndItsEventsAsDuplicates() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank")));
        client.send(batch("b1", resilver("e1", "tank")));

        assertThat(sink.counts()).isEqualTo(new Counts(2, 1, 1, 2, 1, 0, 0));
        assertThat(sink.counts().toString())
                .isEqualTo("received=2 unique=1 duplicates=1 batches=2 rejected_calls=0 repeated_batch_ids=1 undecodable=0");
    }

    @Test
    void jsonLineCarriesTheEnvelopeAndTheDecodedPayload() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));

        clientOf(sink).send(batch("b1", resilver("e1", "tank")));

        assertThat(jsonOf(json)).endsWith("\n").doesNotContain("\n{");
        JsonObject line = JsonParser.parseString(jsonOf(json)).getAsJsonObject();
        assertThat(line.get("event_id").getAsString()).isEqualTo("e1");
        assertThat(line.get("type").getAsString()).isEqualTo("storage.pool.resilvered");
        assertThat(line.has("operation")).isFalse();
        assertThat(line.get("level").getAsString()).isEqualTo("EVENT_LEVEL_INFO");
        assertThat(line.get("category").getAsString()).isEqualTo("EVENT_CATEGORY_STORAGE");
        assertThat(line.get("source").getAsString()).isEqualTo("zfs-pool-manager");
        assertThat(line.get("timestamp").getAsLong()).isEqualTo(TestEvents.TIMESTAMP);
        assertThat(line.getAsJsonObject("metadata").get("pool").getAsString()).isEqualTo("tank");
        JsonObject payload = line.getAsJsonObject("payload");
        assertThat(payload.get("pool_name").getAsString()).isEqualTo("tank");
        assertThat(payload.get("duration_seconds").getAsLong()).isEqualTo(3600);
        assertThat(payload.get("success").getAsBoolean()).isTrue();
        assertThat(line.has("problems")).isFalse();
        assertThat(jsonOf(json)).contains("\"duration_seconds\":3600");
    }

    @Test
    void jsonFileGetsOneLinePerUniqueEvent() throws IOException {
        Path file = dir.resolve("events.jsonl");
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(file));
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank")));
        client.send(batch("b2", resilver("e2", "tank")));

        assertThat(Files.readAllLines(file)).hasSize(2)
                .allSatisfy(line -> assertThat(JsonParser.parseString(line).isJsonObject()).isTrue());
    }

    @Test
    void mapPayloadOfATypeOutsideTheCatalogueIsWrittenAsItsJsonObjectWithANote() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));
        Event event = TestEvents.withPayload("e1", "{\"disk\":\"sda\"}").toBuilder().setEventType("storage.disk.spun_down").build();

        clientOf(sink).send(batch("b1", event));

        JsonObject line = JsonParser.parseString(jsonOf(json)).getAsJsonObject();
        assertThat(line.getAsJsonObject("payload").get("disk").getAsString()).isEqualTo("sda");
        assertThat(line.getAsJsonArray("notes").get(0).getAsString()).contains("not in the 2025-09 catalogue");
        assertThat(sink.counts().undecodable()).isZero();
    }

    @Test
    void undecodableEventIsKeptCountedAndNamedInTheAnswerTheJsonLineAndTheConsole() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8))
                .consoleOut(new PrintStream(console, true, StandardCharsets.UTF_8)));

        EventBatchResponse response = clientOf(sink).send(batch("b1", resilver("e1", "tank"),
                TestEvents.withPayload("e2", "{\"poolName\":\"tank\",\"duration_seconds\":\"3600\"}")));

        assertThat(response.getMessage()).isEqualTo("accepted 2 events (0 duplicates, 1 undecodable)");
        assertThat(sink.counts()).isEqualTo(new Counts(2, 2, 0, 1, 0, 0, 1));
        assertThat(sink.uniqueEvents().get(1).problems()).containsExactly(
                "event e2: payload key \"poolName\" is no field of rodent.events.StoragePoolResilverPayload (Go would ignore it)",
                "event e2: payload key \"duration_seconds\" (int64 of rodent.events.StoragePoolResilverPayload): "
                        + "expected an integer, got the string \"3600\"");
        String second = jsonOf(json).lines().toList().get(1);
        assertThat(JsonParser.parseString(second).getAsJsonObject().getAsJsonArray("problems")).hasSize(2);
        assertThat(console.toString(StandardCharsets.UTF_8).lines().toList().get(1))
                .contains(" UNDECODABLE: event e2: payload key \"poolName\"");
    }

    @Test
    void bytesThatAreNoBatchAreRefusedWithSuccessFalse() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        EventBatchResponse response = clientOf(sink).send(new byte[] {0x0a, 0x05, 0x01});

        assertThat(response.getSuccess()).isFalse();
        assertThat(response.getMessage()).startsWith("undecodable batch: not a valid rodent.EventBatch");
        assertThat(sink.counts()).isEqualTo(Counts.NONE);
    }

    @Test
    void sinkOf2025_12DecodesWrapperCaseOperationAndTypedPayload() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().schema("2025-12")
                .consoleOut(new PrintStream(console, true, StandardCharsets.UTF_8)));

        EventBatchResponse response = clientOf(sink).send(TestEvents.batch2025_12("b1", TestEvents.poolCreated("e1")));

        assertThat(response.getSuccess()).isTrue();
        assertThat(sink.schema()).isEqualTo(WireGeneration.V2025_12);
        DecodedEvent event = sink.uniqueEvents().get(0);
        assertThat(event.problems()).isEmpty();
        assertThat(event.type()).isEqualTo("storage_event.pool_event");
        assertThat(event.operation()).isEqualTo("STORAGE_POOL_OPERATION_CREATED");
        assertThat(event.payload()).isEqualTo(Map.of("pool_name", "tank", "devices", List.of("sda"), "size_bytes", 1024L));
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("2026-11-27T03:10:00.123Z INFO storage "
                + "storage_event.pool_event/STORAGE_POOL_OPERATION_CREATED zfs-pool-manager "
                + "{\"pool_name\":\"tank\",\"devices\":[\"sda\"],\"size_bytes\":1024} meta={rodent.event_type=storage.pool.created}\n");
    }

    @Test
    void sinkOf2025_12FindsA2025_09BatchUndecodable() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth().schema(WireGeneration.V2025_12));

        clientOf(sink).send(batch("b1", resilver("e1", "tank")));

        assertThat(sink.counts().undecodable()).isEqualTo(1);
        assertThat(sink.uniqueEvents().get(0).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("event e1: unknown fields [").endsWith("] in rodent.events.Event"))
                .anySatisfy(problem -> assertThat(problem).startsWith("event e1: no case of event_payload is set"));
    }

    @Test
    void sinkOf2025_09FindsA2025_12BatchUndecodable() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        clientOf(sink).send(TestEvents.batch2025_12("b1", TestEvents.poolCreated("e1")));

        assertThat(sink.counts().undecodable()).isEqualTo(1);
        assertThat(sink.uniqueEvents().get(0).problems()).containsExactly("event e1: unknown fields [2, 4, 5, 6, 11] in rodent.Event",
                "event e1: category is 0 (EVENT_CATEGORY_UNSPECIFIED)", "event e1: event_type is empty");
    }

    @Test
    void eventWithoutPayloadHasNullPayload() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));
        Event bare = resilver("e1", "tank").toBuilder().clearPayload().setEventType("system.shutdown").build();

        clientOf(sink).send(batch("b1", bare));

        assertThat(JsonParser.parseString(jsonOf(json)).getAsJsonObject().get("payload").isJsonNull()).isTrue();
    }

    @Test
    void captureFileRoundTripsTheExactEnvelopes() throws IOException {
        Path capture = dir.resolve("events.bin");
        ToggleSink sink = start(ToggleSink.builder().noAuth().capture(capture));
        SinkClient client = clientOf(sink);
        List<Event> sent = List.of(resilver("e1", "tank"), TestEvents.withPayload("e2", "{}"), TestEvents.withPayload("e3", "not json"));

        client.send(batch("b1", sent.get(0), sent.get(1)));
        client.send(batch("b2", sent.get(1), sent.get(2)));

        List<Event> read = new ArrayList<>();
        try (InputStream in = Files.newInputStream(capture)) {
            for (Event event = Event.parseDelimitedFrom(in); event != null; event = Event.parseDelimitedFrom(in)) {
                read.add(event);
            }
        }
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void consoleLineShowsTimeLevelCategoryTypeSourcePayloadAndMetadata() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().consoleOut(new PrintStream(console, true, StandardCharsets.UTF_8)));

        clientOf(sink).send(batch("b1", resilver("e1", "tank")));

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("2026-11-27T03:10:00.123Z INFO storage storage.pool.resilvered "
                + "zfs-pool-manager {\"pool_name\":\"tank\",\"duration_seconds\":3600,\"bytes_resilvered\":1024,\"success\":true}"
                + " meta={pool=tank}\n");
    }

    @Test
    void failingOutputAnswersInternalSoTheClientRetriesAndRecordsNothing() throws IOException {
        SwitchableStream stream = new SwitchableStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(stream, true, StandardCharsets.UTF_8)));
        SinkClient client = clientOf(sink);

        stream.failing = true;
        assertThatThrownBy(() -> client.send(batch("b1", resilver("e1", "tank"))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
        assertThat(sink.counts()).isEqualTo(Counts.NONE);
        assertThat(sink.uniqueEvents()).isEmpty();
    }

    @Test
    void awaitUniqueReturnsOnceEnoughEventsArrived() throws Exception {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        CompletableFuture<EventBatchResponse> sending = CompletableFuture.supplyAsync(
                () -> client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank"))));

        assertThat(sink.awaitUnique(2, Duration.ofSeconds(30))).isTrue();
        assertThat(sending.get().getSuccess()).isTrue();
    }

    @Test
    void awaitUniqueReturnsFalseWhenTheTimeoutPasses() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        assertThat(sink.awaitUnique(1, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void withoutRetainedEventsCountsStillDeduplicate() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth().retainEvents(false));
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank")));
        client.send(batch("b2", resilver("e1", "tank")));

        assertThat(sink.uniqueEvents()).isEmpty();
        assertThat(sink.counts()).isEqualTo(new Counts(2, 1, 1, 2, 0, 0, 0));
    }

    @Test
    void closeIsIdempotentAndStopsListening() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);
        client.send(batch("b1", resilver("e1", "tank")));

        sink.close();
        sink.close();

        assertThatThrownBy(() -> client.send(batch("b2", resilver("e2", "tank"))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(sink.counts().unique()).isEqualTo(1);
    }

    @Test
    void startingTwiceIsRefused() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        assertThatThrownBy(sink::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void portIsRefusedBeforeStart() {
        ToggleSink sink = ToggleSink.builder().noAuth().build();

        assertThatThrownBy(sink::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not been started");
    }

    @Test
    void bindingATakenPortFailsWithIOException() throws IOException {
        ToggleSink first = start(ToggleSink.builder().noAuth());
        ToggleSink second = ToggleSink.builder().noAuth().port(first.port()).build();

        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("cannot start on 127.0.0.1:" + first.port());
        second.close();
    }

    @Test
    void builderRequiresExactlyOneAuthenticationChoice() {
        assertThatThrownBy(() -> ToggleSink.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("noAuth()");
        assertThatThrownBy(() -> ToggleSink.builder().hmacSecret("s").exactToken("t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 were chosen");
    }

    @Test
    void builderRefusesOutOfRangePortAndEmptySecret() {
        assertThatThrownBy(() -> ToggleSink.builder().port(70000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> ToggleSink.builder().hmacSecret("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToggleSink.builder().schema("2026-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-09 or 2025-12");
    }

    /** An output stream that fails while {@code failing} is set. */
    private static final class SwitchableStream extends OutputStream {
        volatile boolean failing;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            written.write(b);
        }
    }

    /** The counting sink, a benchmark's receiver: counts by walking, refuses what is not well-formed. */
    @Nested
    class Counting {
        @Test
        void countsEveryEventWithoutDecodingOrDeduplicating() throws IOException {
            ToggleSink sink = start(ToggleSink.builder().noAuth().counting());
            SinkClient client = clientOf(sink);

            EventBatchResponse first = client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank")));
            client.send(batch("b1", resilver("e1", "tank"), resilver("e2", "tank"), resilver("e3", "tank")));
            // Not a JSON payload at all: a counting sink does not look inside the events.
            client.send(batch("b2", TestEvents.withPayload("e4", "not json")));

            assertThat(first.getSuccess()).isTrue();
            assertThat(first.getMessage()).isEqualTo("accepted 2 events (counted, not decoded)");
            assertThat(sink.counting()).isTrue();
            assertThat(sink.counts()).isEqualTo(new Counts(6, 0, 0, 3, 0, 0, 0));
            assertThat(sink.uniqueEvents()).isEmpty();
        }

        @Test
        void countsA2025_12BatchTheSameWay() throws IOException {
            ToggleSink sink = start(ToggleSink.builder().noAuth().counting());

            clientOf(sink).send(TestEvents.batch2025_12("b1", TestEvents.poolCreated("e1"), TestEvents.poolCreated("e2")));

            assertThat(sink.counts().received()).isEqualTo(2);
        }

        @Test
        void refusesAMalformedBatchWithSuccessFalseAndCountsNothing() throws IOException {
            ToggleSink sink = start(ToggleSink.builder().noAuth().counting());
            SinkClient client = clientOf(sink);
            byte[] whole = batch("b1", resilver("e1", "tank"), resilver("e2", "tank")).toByteArray();

            EventBatchResponse truncated = client.send(Arrays.copyOf(whole, whole.length - 3));
            EventBatchResponse notABatch = client.send(new byte[] {0x0a, 0x05, 0x01});
            EventBatchResponse wrongType = client.send(new byte[] {0x08, 0x01});

            for (EventBatchResponse response : List.of(truncated, notABatch, wrongType)) {
                assertThat(response.getSuccess()).isFalse();
                assertThat(response.getMessage()).startsWith("undecodable batch: ");
            }
            assertThat(sink.counts()).isEqualTo(Counts.NONE);
        }

        @Test
        void awaitReceivedReturnsOnceEnoughEventsArrived() throws Exception {
            ToggleSink sink = start(ToggleSink.builder().noAuth().counting());
            SinkClient client = clientOf(sink);

            CompletableFuture<EventBatchResponse> sending = CompletableFuture.supplyAsync(
                    () -> client.send(batch("b1", resilver("e1", "tank"), resilver("e1", "tank"), resilver("e2", "tank"))));

            assertThat(sink.awaitReceived(3, Duration.ofSeconds(30))).isTrue();
            assertThat(sending.get().getSuccess()).isTrue();
            assertThat(sink.awaitReceived(4, Duration.ofMillis(20))).isFalse();
        }

        @Test
        void faultsApplyAsInTheDecodingSink() throws IOException {
            ToggleSink sink = start(ToggleSink.builder().noAuth().counting());
            sink.faults().refuse(true);

            EventBatchResponse response = clientOf(sink).send(batch("b1", resilver("e1", "tank")));

            assertThat(response.getSuccess()).isFalse();
            assertThat(response.getMessage()).startsWith("refused 1 events");
            assertThat(sink.counts()).isEqualTo(Counts.NONE);
        }

        @Test
        void outputsCannotBeCombinedWithCounting() {
            PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> ToggleSink.builder().noAuth().counting().consoleOut(console).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("counting sink keeps no events");
        }

        @Test
        void theCommandLineCountsWithCountOnly() throws UsageException {
            ServeOptions options = ServeOptions.parse("--no-auth", "--count-only");

            assertThat(options.countOnly()).isTrue();
            assertThat(options.toBuilder(System.out).build().toString()).contains("counting");
            assertThatThrownBy(() -> ServeOptions.parse("--no-auth", "--count-only", "--out", "events.jsonl"))
                    .isInstanceOf(UsageException.class).hasMessageContaining("--count-only keeps no events");
        }
    }
}
