package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.core.impl.ArbitraryEvents;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EncodedBatchTest {
    // Protobuf writes an unpaired surrogate as '?' and logs a warning each time; the properties make thousands.
    private static final Logger PROTOBUF_OUTPUT = Logger.getLogger(CodedOutputStream.class.getName());

    static {
        PROTOBUF_OUTPUT.setLevel(Level.SEVERE);
    }

    private static final String BATCH_ID = "0190f5c2-7a3e-7c1d-9b2e-3f4a5b6c7d8e";
    private static final long BATCH_TIMESTAMP = 1_764_212_400_000L;

    private static Event event(int index, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        new Random(index).nextBytes(payload);
        return Event.newBuilder()
                .setEventId(String.format("event-%08d", index))
                .setEventType("storage.pool.resilvered")
                .setLevel(EventLevel.EVENT_LEVEL_WARN)
                .setCategory(EventCategory.EVENT_CATEGORY_STORAGE)
                .setSource("zpool-ü-池 \uD83D\uDE00")
                .setTimestamp(1_700_000_000_000L + index)
                .setPayload(ByteString.copyFrom(payload))
                .putMetadata("pool", "tank-" + index)
                .setPayloadType("google.protobuf.Struct")
                .build();
    }

    /** Sizes around the one- and two-byte length boundaries, and an empty event. */
    private static List<Event> sampleEvents() {
        List<Event> events = new ArrayList<>();
        events.add(Event.getDefaultInstance());
        int[] payloads = {0, 10, 127, 128, 16_383, 16_384, 70_000};
        for (int i = 0; i < payloads.length; i++) {
            events.add(event(i, payloads[i]));
        }
        return events;
    }

    private static byte[] expected(List<Event> events, long batchTimestamp, String batchId) {
        return EventBatch.newBuilder().addAllEvents(events).setBatchTimestamp(batchTimestamp).setBatchId(batchId).build().toByteArray();
    }

    private static List<ByteBuffer> heapBuffers(List<Event> events) {
        return events.stream().map(event -> ByteBuffer.wrap(event.toByteArray())).toList();
    }

    /**
     * The events laid end to end in one direct buffer after some junk, each handed over as a view of its range
     * (a duplicate with position and limit set, or every other one a slice), as the spool's mapped segments are.
     */
    private static List<ByteBuffer> directViews(List<Event> events, boolean slices) {
        int total = 13 + events.stream().mapToInt(Event::getSerializedSize).sum() + 7;
        ByteBuffer segment = ByteBuffer.allocateDirect(total);
        for (int i = 0; i < total; i++) {
            segment.put(i, (byte) 0xA5);
        }
        List<ByteBuffer> views = new ArrayList<>();
        int at = 13;
        for (int i = 0; i < events.size(); i++) {
            byte[] bytes = events.get(i).toByteArray();
            segment.put(at, bytes);
            ByteBuffer view = segment.duplicate().position(at).limit(at + bytes.length);
            views.add(slices && i % 2 == 0 ? view.slice() : view);
            at += bytes.length;
        }
        return views;
    }

    private static int[] positions(List<ByteBuffer> buffers) {
        return buffers.stream().mapToInt(ByteBuffer::position).toArray();
    }

    private static int[] limits(List<ByteBuffer> buffers) {
        return buffers.stream().mapToInt(ByteBuffer::limit).toArray();
    }

    @Test
    void assembledFromHeapBuffersItIsTheBuildersBytes() {
        List<Event> events = sampleEvents();
        List<ByteBuffer> buffers = heapBuffers(events);

        EncodedBatch batch = EncodedBatch.assemble(buffers, BATCH_TIMESTAMP, BATCH_ID);

        byte[] expected = expected(events, BATCH_TIMESTAMP, BATCH_ID);
        assertThat(batch.bytes()).isEqualTo(expected);
        assertThat(batch.size()).isEqualTo(expected.length);
        assertThat(batch.events()).isEqualTo(events.size());
        assertThat(batch.batchId()).isEqualTo(BATCH_ID);
        assertThat(positions(buffers)).containsOnly(0);
    }

    @Test
    void assembledFromViewsOfADirectBufferItIsTheBuildersBytesAndTheViewsAreLeftAsTheyWere() {
        List<Event> events = sampleEvents();
        for (boolean slices : new boolean[] {false, true}) {
            List<ByteBuffer> views = directViews(events, slices);
            int[] positions = positions(views);
            int[] limits = limits(views);
            assertThat(Arrays.stream(positions).max().orElse(0)).as("the views do not all start at zero").isPositive();

            EncodedBatch batch = EncodedBatch.assemble(views, BATCH_TIMESTAMP, BATCH_ID);

            assertThat(batch.bytes()).isEqualTo(expected(events, BATCH_TIMESTAMP, BATCH_ID));
            assertThat(positions(views)).isEqualTo(positions);
            assertThat(limits(views)).isEqualTo(limits);
        }
    }

    @Test
    void decodeGivesBackTheBatch() {
        List<Event> events = sampleEvents();

        EventBatch decoded = EncodedBatch.assemble(directViews(events, true), BATCH_TIMESTAMP, BATCH_ID).decode();

        assertThat(decoded.getEventsList()).containsExactlyElementsOf(events);
        assertThat(decoded.getBatchTimestamp()).isEqualTo(BATCH_TIMESTAMP);
        assertThat(decoded.getBatchId()).isEqualTo(BATCH_ID);
    }

    @Test
    void anEmptyBatchWithoutTimestampOrIdIsEmpty() {
        EncodedBatch batch = EncodedBatch.assemble(List.of(), 0, "");

        assertThat(batch.bytes()).isEqualTo(expected(List.of(), 0, "")).isEmpty();
        assertThat(batch.size()).isZero();
        assertThat(batch.events()).isZero();
        assertThat(batch.batchId()).isEmpty();
        assertThat(batch.decode()).isEqualTo(EventBatch.getDefaultInstance());
    }

    @Test
    void aZeroTimestampOrAnEmptyIdIsLeftOutAsTheBuilderLeavesItOut() {
        List<Event> events = List.of(event(1, 5), event(2, 0));

        assertThat(EncodedBatch.assemble(heapBuffers(events), 0, BATCH_ID).bytes()).isEqualTo(expected(events, 0, BATCH_ID));
        assertThat(EncodedBatch.assemble(heapBuffers(events), BATCH_TIMESTAMP, "").bytes()).isEqualTo(expected(events, BATCH_TIMESTAMP, ""));
        assertThat(EncodedBatch.assemble(List.of(), BATCH_TIMESTAMP, BATCH_ID).bytes()).isEqualTo(expected(List.of(), BATCH_TIMESTAMP, BATCH_ID));
        assertThat(EncodedBatch.assemble(heapBuffers(events), 0, "").bytes()).isEqualTo(expected(events, 0, ""));
    }

    @Test
    void negativeAndExtremeTimestampsAndANonAsciiIdMatchTheBuilder() {
        List<Event> events = List.of(event(3, 200));
        for (long timestamp : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE, 127, 128, 1L << 35}) {
            for (String id : new String[] {"x", "zpool-ü-池-\uD83D\uDE00", "a".repeat(200)}) {
                EncodedBatch batch = EncodedBatch.assemble(heapBuffers(events), timestamp, id);

                assertThat(batch.bytes()).as("timestamp %d, id %s", timestamp, id).isEqualTo(expected(events, timestamp, id));
                assertThat(batch.decode().getBatchTimestamp()).isEqualTo(timestamp);
                assertThat(batch.decode().getBatchId()).isEqualTo(id);
            }
        }
    }

    @Test
    void anEmptyEventIsAnEmptyElement() {
        List<Event> events = List.of(Event.getDefaultInstance(), Event.getDefaultInstance());

        EncodedBatch batch = EncodedBatch.assemble(heapBuffers(events), 0, "");

        assertThat(batch.bytes()).containsExactly(0x0A, 0x00, 0x0A, 0x00);
        assertThat(batch.decode().getEventsCount()).isEqualTo(2);
    }

    @Test
    void theSameBufferTwiceIsTheEventTwice() {
        Event event = event(4, 300);
        ByteBuffer buffer = ByteBuffer.wrap(event.toByteArray());

        EncodedBatch batch = EncodedBatch.assemble(List.of(buffer, buffer), BATCH_TIMESTAMP, BATCH_ID);

        assertThat(batch.bytes()).isEqualTo(expected(List.of(event, event), BATCH_TIMESTAMP, BATCH_ID));
        assertThat(batch.events()).isEqualTo(2);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void aBatchOfTwoGibibytesOrMoreIsRefusedBeforeAnythingIsCopied() {
        ByteBuffer large = ByteBuffer.allocate(64 << 20);
        List<ByteBuffer> events = Collections.nCopies(32, large);

        assertThatThrownBy(() -> EncodedBatch.assemble(events, BATCH_TIMESTAMP, BATCH_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 events");
        assertThat(large.position()).isZero();
    }

    @Test
    void ofABuiltBatchRoundTrips() throws InvalidProtocolBufferException {
        EventBatch built = EventBatch.newBuilder().addAllEvents(sampleEvents()).setBatchTimestamp(BATCH_TIMESTAMP).setBatchId(BATCH_ID).build();

        EncodedBatch batch = EncodedBatch.of(built);

        assertThat(batch.decode()).isEqualTo(built);
        assertThat(batch.bytes()).isEqualTo(built.toByteArray());
        assertThat(batch.size()).isEqualTo(built.getSerializedSize());
        assertThat(batch.events()).isEqualTo(built.getEventsCount());
        assertThat(batch.batchId()).isEqualTo(BATCH_ID);
        assertThat(EventBatch.parseFrom(batch.bytes())).isEqualTo(built);
    }

    @Test
    void ofTheDefaultBatchIsEmpty() {
        EncodedBatch batch = EncodedBatch.of(EventBatch.getDefaultInstance());

        assertThat(batch.size()).isZero();
        assertThat(batch.events()).isZero();
        assertThat(batch.batchId()).isEmpty();
        assertThat(batch.decode()).isEqualTo(EventBatch.getDefaultInstance());
    }

    @Test
    void decodingBytesThatAreNoBatchIsAnIllegalState() {
        // A record the spool should never have let through: a truncated event.
        ByteBuffer truncated = ByteBuffer.wrap(new byte[] {0x12, 0x05, 'a'});

        EncodedBatch batch = EncodedBatch.assemble(List.of(truncated), 0, "broken");

        assertThatThrownBy(batch::decode).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
    }

    // --- property ------------------------------------------------------------------------------

    @Provide
    Arbitrary<Event> events() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(150)));
        Arbitrary<byte[]> payload = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(16_000).ofMaxSize(17_000)));
        return ArbitraryEvents.events(text, payload, 4);
    }

    /** A batch's contents in one parameter: jqwik 1.9.3, shrinking a List<Event> next to a String, moves Events into the String. */
    record Contents(List<Event> events, long batchTimestamp, String batchId) {
    }

    @Provide
    Arbitrary<Contents> contents() {
        Arbitrary<String> ids = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(events().list().ofMaxSize(50), Arbitraries.longs(), ids).as(Contents::new);
    }

    @Property(tries = 300)
    void assembledIsAlwaysTheBuildersBytes(@ForAll("contents") Contents contents, @ForAll boolean direct, @ForAll @IntRange(max = 3) int junk) {
        List<Event> events = contents.events();
        List<ByteBuffer> buffers = direct ? directViews(events, junk % 2 == 0) : heapBuffers(events);
        int[] positions = positions(buffers);

        EncodedBatch batch = EncodedBatch.assemble(buffers, contents.batchTimestamp(), contents.batchId());

        byte[] expected = expected(events, contents.batchTimestamp(), contents.batchId());
        assertThat(batch.bytes()).isEqualTo(expected);
        assertThat(batch.size()).isEqualTo(expected.length);
        assertThat(batch.events()).isEqualTo(events.size());
        assertThat(batch.batchId()).isEqualTo(contents.batchId());
        assertThat(positions(buffers)).isEqualTo(positions);
        assertThat(batch.decode().getEventsCount()).isEqualTo(events.size());
    }
}
