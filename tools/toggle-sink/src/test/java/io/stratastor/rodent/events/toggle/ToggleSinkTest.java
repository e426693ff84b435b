package io.stratastor.rodent.events.toggle;

import static io.stratastor.rodent.events.toggle.TestEvents.batch;
import static io.stratastor.rodent.events.toggle.TestEvents.resilver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatchResponse;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
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

        assertThat(sink.uniqueEvents()).extracting(Event::getEventId).containsExactly("e1", "e2", "e3");
        assertThat(sink.uniqueEvents().get(2)).isEqualTo(resilver("e3", "backup"));
        assertThat(sink.counts()).isEqualTo(new Counts(3, 3, 0, 2, 0, 0));
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

        assertThat(sink.uniqueEvents()).extracting(Event::getEventId).containsExactly("e1", "e2", "e3");
        assertThat(sink.counts()).isEqualTo(new Counts(4, 3, 1, 2, 0, 0));
    }

    @Test
    void duplicateEventIdsWithinOneBatchAreStoredOnce() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());

        clientOf(sink).send(batch("b1", resilver("e1", "tank"), resilver("e1", "tank")));

        assertThat(sink.uniqueEvents()).extracting(Event::getEventId).containsExactly("e1");
        assertThat(sink.counts().duplicates()).isEqualTo(1);
    }

    @Test
    void retriedBatchIdIsCountedAsRepeatedAndItsEventsAsDuplicates() throws IOException {
        ToggleSink sink = start(ToggleSink.builder().noAuth());
        SinkClient client = clientOf(sink);

        client.send(batch("b1", resilver("e1", "tank")));
        client.send(batch("b1", resilver("e1", "tank")));

        assertThat(sink.counts()).isEqualTo(new Counts(2, 1, 1, 2, 1, 0));
        assertThat(sink.counts().toString())
                .isEqualTo("received=2 unique=1 duplicates=1 batches=2 rejected_calls=0 repeated_batch_ids=1");
    }

    @Test
    void jsonLineCarriesTheEnvelopeAndTheDecodedPayload() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));

        clientOf(sink).send(batch("b1", resilver("e1", "tank")));

        assertThat(jsonOf(json)).endsWith("\n").doesNotContain("\n{");
        JsonObject line = JsonParser.parseString(jsonOf(json)).getAsJsonObject();
        assertThat(line.get("event_id").getAsString()).isEqualTo("e1");
        assertThat(line.get("event_type").getAsString()).isEqualTo("storage.pool.resilvered");
        assertThat(line.get("level").getAsString()).isEqualTo("EVENT_LEVEL_INFO");
        assertThat(line.get("category").getAsString()).isEqualTo("EVENT_CATEGORY_STORAGE");
        assertThat(line.get("source").getAsString()).isEqualTo("zfs-pool-manager");
        assertThat(line.get("timestamp").getAsLong()).isEqualTo(TestEvents.TIMESTAMP);
        assertThat(line.getAsJsonObject("metadata").get("pool").getAsString()).isEqualTo("tank");
        assertThat(line.get("payload_type").getAsString()).isEqualTo("rodent.events.StoragePoolResilverPayload");
        JsonObject payload = line.getAsJsonObject("payload");
        assertThat(payload.get("poolName").getAsString()).isEqualTo("tank");
        assertThat(payload.get("durationSeconds").getAsLong()).isEqualTo(3600);
        assertThat(payload.get("success").getAsBoolean()).isTrue();
        assertThat(jsonOf(json)).contains("\"poolName\":\"tank\"");
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
    void structPayloadIsWrittenAsPlainJsonObject() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));

        clientOf(sink).send(batch("b1", TestEvents.structPayload("e1")));

        JsonObject line = JsonParser.parseString(jsonOf(json)).getAsJsonObject();
        assertThat(line.getAsJsonObject("payload").get("disk").getAsString()).isEqualTo("sda");
    }

    @Test
    void payloadOfUnknownTypeIsWrittenAsBase64WithAnError() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));

        clientOf(sink).send(batch("b1", TestEvents.unknownPayloadType("e1")));

        JsonObject line = JsonParser.parseString(jsonOf(json)).getAsJsonObject();
        assertThat(line.has("payload")).isFalse();
        assertThat(line.get("payload_base64").getAsString()).isEqualTo("AQID");
        assertThat(line.get("payload_error").getAsString()).contains("rodent.events.NoSuchPayload");
    }

    @Test
    void eventWithoutPayloadHasNullPayload() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToggleSink sink = start(ToggleSink.builder().noAuth().jsonOut(new PrintStream(json, true, StandardCharsets.UTF_8)));
        Event bare = resilver("e1", "tank").toBuilder().clearPayload().clearPayloadType().build();

        clientOf(sink).send(batch("b1", bare));

        assertThat(JsonParser.parseString(jsonOf(json)).getAsJsonObject().get("payload").isJsonNull()).isTrue();
    }

    @Test
    void captureFileRoundTripsTheExactEnvelopes() throws IOException {
        Path capture = dir.resolve("events.bin");
        ToggleSink sink = start(ToggleSink.builder().noAuth().capture(capture));
        SinkClient client = clientOf(sink);
        List<Event> sent = List.of(resilver("e1", "tank"), TestEvents.structPayload("e2"), TestEvents.unknownPayloadType("e3"));

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
                + "zfs-pool-manager {\"poolName\":\"tank\",\"durationSeconds\":\"3600\",\"bytesResilvered\":\"1024\",\"success\":true}"
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
        assertThat(sink.counts()).isEqualTo(new Counts(2, 1, 1, 2, 0, 0));
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
}
