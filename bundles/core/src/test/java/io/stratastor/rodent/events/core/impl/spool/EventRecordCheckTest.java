package io.stratastor.rodent.events.core.impl.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.core.impl.ArbitraryEvents;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRecordCheckTest {
    // Protobuf writes an unpaired surrogate as '?' and logs a warning each time; the properties make thousands.
    private static final Logger PROTOBUF_OUTPUT = Logger.getLogger(CodedOutputStream.class.getName());

    static {
        PROTOBUF_OUTPUT.setLevel(Level.SEVERE);
    }

    private static final int EVENT_ID = 1;
    private static final int EVENT_TYPE = 2;
    private static final int SOURCE = 5;
    private static final int PAYLOAD = 7;
    private static final int METADATA = 8;
    private static final int PAYLOAD_TYPE = 9;
    private static final int MAX_FIELD = (1 << 29) - 1;

    /** Malformed UTF-8: a bad continuation, a surrogate, overlong forms, past U+10FFFF, cut short, stray bytes. */
    private static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xC3, 0x28),
            bytes(0xED, 0xA0, 0x80),
            bytes(0xED, 0xBF, 0xBF),
            bytes(0xC0, 0xAF),
            bytes(0xC1, 0xBF),
            bytes(0xE0, 0x80, 0xAF),
            bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xF5, 0x80, 0x80, 0x80),
            bytes(0xE2, 0x82),
            bytes(0xF0, 0x9F, 0x98),
            bytes(0x80),
            bytes(0xBF),
            bytes(0xFE),
            bytes(0xFF));

    // --- helpers -------------------------------------------------------------------------------

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static boolean check(byte[] encoding) {
        return EventRecordCheck.parses(ByteBuffer.wrap(encoding), 0, encoding.length);
    }

    private static boolean protobufParses(byte[] encoding) {
        try {
            Event.parseFrom(encoding);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /** {@code encoding} at {@code offset} in a buffer of junk, direct or not; checked there. */
    private static boolean checkEmbedded(byte[] encoding, int offset, int trailing, boolean direct, byte junk) {
        int capacity = offset + encoding.length + trailing;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        for (int i = 0; i < capacity; i++) {
            buffer.put(i, junk);
        }
        buffer.put(offset, encoding);
        // Position and limit play no part: the range is absolute.
        buffer.position(Math.min(1, offset)).limit(capacity - 1);
        int position = buffer.position();
        int limit = buffer.limit();
        boolean parses = EventRecordCheck.parses(buffer, offset, offset + encoding.length);
        assertThat(buffer.position()).isEqualTo(position);
        assertThat(buffer.limit()).isEqualTo(limit);
        return parses;
    }

    /** Minimal protobuf wire writing, for encodings crafted by hand. */
    private static final class Wire {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Wire varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
            return this;
        }

        Wire tag(int field, int wireType) {
            return varint((long) field << 3 | wireType);
        }

        Wire raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Wire raw(int... bytes) {
            return raw(EventRecordCheckTest.bytes(bytes));
        }

        Wire delimited(int field, byte[] content) {
            return tag(field, 2).varint(content.length).raw(content);
        }

        Wire entry(byte[] key, byte[] value) {
            return delimited(METADATA, new Wire().delimited(1, key).delimited(2, value).bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static Event fullEvent() {
        return Event.newBuilder()
                .setEventId("0190f5c2-7a3e-7c1d-9b2e-3f4a5b6c7d8e")
                .setEventType("storage.pool.resilvered")
                .setLevel(EventLevel.EVENT_LEVEL_CRITICAL)
                .setCategory(EventCategory.EVENT_CATEGORY_SHARING)
                .setSource("zpool-ü-池 \uD83D\uDE00 monitor")
                .setTimestamp(Long.MAX_VALUE - 12_345)
                .setPayload(ByteString.copyFrom(bytes(0x00, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x08, 0x0B, 0x0C)))
                .putMetadata("pool", "tank-ü")
                .putMetadata("池", "\uD83D\uDCBE disk ✓")
                .putMetadata("", "")
                .putMetadata("long-ascii-key-over-eight-bytes", "value after eight ascii bytes: ñ")
                .setPayloadType("google.protobuf.Struct")
                .build();
    }

    // --- examples ------------------------------------------------------------------------------

    @Test
    void aFullyPopulatedEventPasses() throws InvalidProtocolBufferException {
        byte[] encoding = fullEvent().toByteArray();

        assertThat(Event.parseFrom(encoding)).isEqualTo(fullEvent());
        assertThat(check(encoding)).isTrue();
    }

    @Test
    void negativeAndUnknownEnumValuesAndANegativeTimestampPass() {
        Event event = Event.newBuilder().setLevelValue(-1).setCategoryValue(Integer.MAX_VALUE).setTimestamp(Long.MIN_VALUE).build();
        byte[] encoding = event.toByteArray();

        // A negative int32 and a negative int64 are both ten-byte varints.
        assertThat(encoding).hasSize(1 + 10 + 1 + 5 + 1 + 10);
        assertThat(protobufParses(encoding)).isTrue();
        assertThat(check(encoding)).isTrue();
    }

    @Test
    void anEmptyRangeAnswersAsTheParserDoes() {
        byte[] empty = new byte[0];
        byte[] full = fullEvent().toByteArray();

        assertThat(protobufParses(empty)).isTrue();
        assertThat(check(empty)).isEqualTo(protobufParses(empty)).isTrue();
        assertThat(EventRecordCheck.parses(ByteBuffer.wrap(full), 7, 7)).isTrue();
        assertThat(EventRecordCheck.parses(ByteBuffer.wrap(full), full.length, full.length)).isTrue();
    }

    @Test
    void everyPrefixOfAValidEncodingAnswersAsTheParserDoesAndTruncationsAreRefused() {
        byte[] encoding = fullEvent().toByteArray();
        int refused = 0;

        for (int length = 0; length < encoding.length; length++) {
            byte[] prefix = Arrays.copyOf(encoding, length);
            boolean parser = protobufParses(prefix);
            assertThat(check(prefix)).as("prefix of %d bytes", length).isEqualTo(parser);
            if (!parser) {
                refused++;
            }
        }
        // Most prefixes cut a field short.
        assertThat(refused).isGreaterThan(encoding.length / 2);
    }

    static Stream<Arguments> invalidUtf8InStringFields() {
        return Stream.of(EVENT_ID, EVENT_TYPE, SOURCE, PAYLOAD_TYPE)
                .flatMap(field -> INVALID_UTF8.stream().map(invalid -> Arguments.of(field, invalid)));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8InStringFields")
    void invalidUtf8InAStringFieldIsRefusedWhereverItSits(int field, byte[] invalid) {
        List<byte[]> contents = List.of(
                invalid,
                concat(utf8("storage"), invalid),
                concat(utf8("storage.pool.resilvered"), invalid),
                concat(invalid, utf8("storage.pool.resilvered")),
                concat(utf8("abcdefg"), invalid, utf8("hijklmnopqrstuv")),
                concat(utf8("zpool-ü-池"), invalid, utf8("ü")));
        for (byte[] content : contents) {
            byte[] encoding = new Wire().delimited(EVENT_ID, utf8("id")).delimited(field, content).tag(6, 0).varint(42).bytes();

            assertThat(protobufParses(encoding)).as("parser on %s", Arrays.toString(encoding)).isFalse();
            assertThat(check(encoding)).as("check on %s", Arrays.toString(encoding)).isFalse();
        }
    }

    static Stream<byte[]> invalidUtf8() {
        return INVALID_UTF8.stream();
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void invalidUtf8InEventTypeIsRefused(byte[] invalid) {
        byte[] encoding = new Wire().tag(EVENT_TYPE, 2).varint(invalid.length).raw(invalid).bytes();

        assertThat(protobufParses(encoding)).isFalse();
        assertThat(check(encoding)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void invalidUtf8InAMetadataKeyIsRefused(byte[] invalid) {
        byte[] encoding = new Wire().delimited(EVENT_TYPE, utf8("ok")).entry(concat(utf8("key-"), invalid), utf8("value")).bytes();

        assertThat(protobufParses(encoding)).isFalse();
        assertThat(check(encoding)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void invalidUtf8InAMetadataValueIsRefused(byte[] invalid) {
        byte[] encoding = new Wire().entry(utf8("key"), concat(utf8("a long ascii value "), invalid)).delimited(SOURCE, utf8("src")).bytes();

        assertThat(protobufParses(encoding)).isFalse();
        assertThat(check(encoding)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void theSameBytesInThePayloadPass(byte[] invalid) {
        byte[] encoding = new Wire().delimited(EVENT_TYPE, utf8("ok")).delimited(PAYLOAD, concat(utf8("raw "), invalid, utf8(" bytes"))).bytes();

        assertThat(protobufParses(encoding)).isTrue();
        assertThat(check(encoding)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void theSameBytesInAnUnknownFieldOrAnUnknownEntryFieldPass(byte[] invalid) {
        byte[] unknown = new Wire().delimited(10, invalid).delimited(MAX_FIELD, invalid).bytes();
        byte[] unknownInEntry = new Wire()
                .delimited(METADATA, new Wire().delimited(1, utf8("k")).delimited(3, invalid).delimited(2, utf8("v")).bytes())
                .bytes();

        assertThat(protobufParses(unknown)).isTrue();
        assertThat(check(unknown)).isTrue();
        assertThat(protobufParses(unknownInEntry)).isTrue();
        assertThat(check(unknownInEntry)).isTrue();
    }

    @Test
    void validMultiByteUtf8CraftedByHandPasses() {
        byte[] encoding = new Wire()
                .delimited(EVENT_TYPE, bytes(0xC3, 0xBC, 0xE6, 0xB1, 0xA0, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0xEF, 0xBF, 0xBF))
                .entry(bytes(0xED, 0x9F, 0xBF), bytes(0xEE, 0x80, 0x80))
                .bytes();

        assertThat(protobufParses(encoding)).isTrue();
        assertThat(check(encoding)).isTrue();
    }

    @Test
    void fieldNumberZeroIsRefused() {
        List<byte[]> encodings = List.of(
                bytes(0x00, 0x00),
                bytes(0x02, 0x00),
                bytes(0x05, 0x00, 0x00, 0x00, 0x00),
                new Wire().delimited(EVENT_TYPE, utf8("ok")).raw(0x00, 0x01).bytes(),
                new Wire().delimited(METADATA, new Wire().raw(0x00, 0x01).bytes()).bytes());
        for (byte[] encoding : encodings) {
            assertThat(protobufParses(encoding)).as("parser on %s", Arrays.toString(encoding)).isFalse();
            assertThat(check(encoding)).as("check on %s", Arrays.toString(encoding)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7})
    void wireTypesSixAndSevenAreRefused(int wireType) {
        List<byte[]> encodings = List.of(
                new Wire().tag(EVENT_ID, wireType).raw(0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00).bytes(),
                new Wire().delimited(EVENT_TYPE, utf8("ok")).tag(20, wireType).bytes(),
                new Wire().delimited(METADATA, new Wire().tag(1, wireType).raw(0x00).bytes()).bytes());
        for (byte[] encoding : encodings) {
            assertThat(protobufParses(encoding)).as("parser on %s", Arrays.toString(encoding)).isFalse();
            assertThat(check(encoding)).as("check on %s", Arrays.toString(encoding)).isFalse();
        }
    }

    @Test
    void groupsAreRefusedThoughTheParserTakesThem() {
        byte[] group = new Wire().tag(10, 3).tag(1, 0).varint(5).tag(10, 4).bytes();
        byte[] groupInEntry = new Wire().delimited(METADATA, new Wire().tag(3, 3).tag(3, 4).bytes()).bytes();
        byte[] strayEnd = new Wire().tag(10, 4).bytes();

        assertThat(protobufParses(group)).isTrue();
        assertThat(check(group)).isFalse();
        assertThat(protobufParses(groupInEntry)).isTrue();
        assertThat(check(groupInEntry)).isFalse();
        assertThat(protobufParses(strayEnd)).isFalse();
        assertThat(check(strayEnd)).isFalse();
    }

    @Test
    void aLengthPastTheEndIsRefused() {
        List<byte[]> encodings = List.of(
                bytes(0x12, 0x05, 'a', 'b'),
                bytes(0x3A, 0x01),
                new Wire().delimited(EVENT_TYPE, utf8("ok")).tag(15, 2).varint(100).raw(utf8("short")).bytes(),
                // The entry's key runs past the entry, though not past the event.
                new Wire().delimited(METADATA, bytes(0x0A, 0x05, 'k')).delimited(SOURCE, utf8("trailing")).bytes(),
                new Wire().tag(EVENT_TYPE, 2).varint(Integer.MAX_VALUE).raw(utf8("x")).bytes(),
                new Wire().tag(EVENT_TYPE, 2).varint(0xFFFF_FFFFL).raw(utf8("x")).bytes(),
                // A length cut short.
                bytes(0x12, 0x80));
        for (byte[] encoding : encodings) {
            assertThat(protobufParses(encoding)).as("parser on %s", Arrays.toString(encoding)).isFalse();
            assertThat(check(encoding)).as("check on %s", Arrays.toString(encoding)).isFalse();
        }
    }

    @Test
    void fixedWidthFieldsPastTheEndAreRefusedAndWholeOnesPass() {
        byte[] fixed64 = new Wire().tag(10, 1).raw(1, 2, 3, 4, 5, 6, 7, 8).bytes();
        byte[] fixed32 = new Wire().tag(11, 5).raw(1, 2, 3, 4).bytes();

        assertThat(protobufParses(fixed64)).isTrue();
        assertThat(check(fixed64)).isTrue();
        assertThat(protobufParses(fixed32)).isTrue();
        assertThat(check(fixed32)).isTrue();
        for (byte[] cut : List.of(Arrays.copyOf(fixed64, fixed64.length - 1), Arrays.copyOf(fixed32, fixed32.length - 1))) {
            assertThat(protobufParses(cut)).isFalse();
            assertThat(check(cut)).isFalse();
        }
    }

    @Test
    void varintsOfTenBytesPassAndLongerOnesAreRefused() {
        byte[] ten = new Wire().tag(6, 0).raw(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).bytes();
        byte[] eleven = new Wire().tag(6, 0).raw(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x81, 0x00).bytes();
        byte[] unterminated = new Wire().tag(6, 0).raw(0xFF, 0xFF).bytes();

        assertThat(protobufParses(ten)).isTrue();
        assertThat(check(ten)).isTrue();
        assertThat(protobufParses(eleven)).isFalse();
        assertThat(check(eleven)).isFalse();
        assertThat(protobufParses(unterminated)).isFalse();
        assertThat(check(unterminated)).isFalse();
    }

    @Test
    void tagsAndLengthsOverFiveBytesAreRefusedThoughTheParserTakesThem() {
        // Field 2, wire type 2, padded to six bytes; then a zero length.
        byte[] longTag = bytes(0x92, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00);
        // Field 2's length 2, padded to six bytes.
        byte[] longLength = bytes(0x12, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00, 'o', 'k');
        // Padded to five bytes, which the check takes.
        byte[] fiveByteTag = bytes(0x92, 0x80, 0x80, 0x80, 0x00, 0x02, 'o', 'k');
        byte[] fiveByteLength = bytes(0x12, 0x82, 0x80, 0x80, 0x80, 0x00, 'o', 'k');

        assertThat(protobufParses(longTag)).isTrue();
        assertThat(check(longTag)).isFalse();
        assertThat(protobufParses(longLength)).isTrue();
        assertThat(check(longLength)).isFalse();
        assertThat(protobufParses(fiveByteTag)).isTrue();
        assertThat(check(fiveByteTag)).isTrue();
        assertThat(protobufParses(fiveByteLength)).isTrue();
        assertThat(check(fiveByteLength)).isTrue();
    }

    @Test
    void thePaddedTagOfAStringFieldStillHasItsUtf8Checked() {
        byte[] encoding = bytes(0x92, 0x80, 0x80, 0x80, 0x00, 0x02, 0xC3, 0x28);

        assertThat(protobufParses(encoding)).isFalse();
        assertThat(check(encoding)).isFalse();
    }

    @Test
    void theLargestFieldNumberPassesAndLargerOnesAreRefused() {
        byte[] largest = new Wire().tag(MAX_FIELD, 0).varint(1).bytes();
        // Field 2^29 needs a tag of 33 bits.
        byte[] tooLarge = new Wire().varint((long) (MAX_FIELD + 1) << 3).varint(1).bytes();

        assertThat(protobufParses(largest)).isTrue();
        assertThat(check(largest)).isTrue();
        assertThat(check(tooLarge)).isFalse();
    }

    @Test
    void stringFieldsWithAnotherWireTypeAreUnknownFieldsAndPass() {
        byte[] encoding = new Wire().tag(EVENT_TYPE, 0).varint(300).tag(EVENT_ID, 5).raw(0xC3, 0x28, 0xFF, 0xFF)
                .tag(METADATA, 1).raw(0xED, 0xA0, 0x80, 0, 0, 0, 0, 0).bytes();

        assertThat(protobufParses(encoding)).isTrue();
        assertThat(check(encoding)).isTrue();
    }

    @Test
    void metadataWhoseEntryIsNotAMessageIsRefused() {
        byte[] encoding = new Wire().delimited(METADATA, bytes(0x0A, 0x01)).bytes();

        assertThat(protobufParses(encoding)).isFalse();
        assertThat(check(encoding)).isFalse();
    }

    @Test
    void aRangeWithinALargerBufferIsCheckedAloneAtAnyOffset() {
        byte[] encoding = fullEvent().toByteArray();
        byte[] invalid = new Wire().delimited(EVENT_ID, utf8("event-id-longer-than-eight")).entry(utf8("k"), bytes(0xED, 0xA0, 0x80)).bytes();

        for (boolean direct : new boolean[] {false, true}) {
            for (int offset : new int[] {1, 7, 13}) {
                assertThat(checkEmbedded(encoding, offset, 9, direct, (byte) 0xFF)).as("direct %s at %d", direct, offset).isTrue();
                assertThat(checkEmbedded(encoding, offset, 9, direct, (byte) 0x80)).isTrue();
                assertThat(checkEmbedded(invalid, offset, 9, direct, (byte) 'a')).isFalse();
            }
        }
    }

    @Test
    void aRangeCutShortInALargerBufferIsRefusedThoughTheBytesAfterItWouldComplete() {
        byte[] encoding = fullEvent().toByteArray();
        ByteBuffer direct = ByteBuffer.allocateDirect(encoding.length + 20);
        direct.put(10, encoding);

        assertThat(EventRecordCheck.parses(direct, 10, 10 + encoding.length)).isTrue();
        assertThat(EventRecordCheck.parses(direct, 10, 10 + encoding.length - 1)).isFalse();
        assertThat(protobufParses(Arrays.copyOf(encoding, encoding.length - 1))).isFalse();
    }

    @Test
    void theByteOrderOfTheBufferDoesNotMatter() {
        byte[] valid = new Wire().delimited(EVENT_TYPE, utf8("abcdefghijklmnop-ü-qrstuvwx")).bytes();
        byte[] invalid = new Wire().delimited(EVENT_TYPE, concat(utf8("abcdefghijk"), bytes(0xC0, 0xAF), utf8("lmnopqrstuvwx"))).bytes();

        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer direct = ByteBuffer.allocateDirect(100).order(order);
            direct.put(3, valid);
            assertThat(EventRecordCheck.parses(direct, 3, 3 + valid.length)).isTrue();
            direct.put(3, invalid);
            assertThat(EventRecordCheck.parses(direct, 3, 3 + invalid.length)).isFalse();
            assertThat(EventRecordCheck.parses(ByteBuffer.wrap(invalid).order(order), 0, invalid.length)).isFalse();
        }
    }

    @Test
    void theInvalidByteIsFoundAtEveryPlaceInAnAsciiString() {
        for (int at = 0; at < 40; at++) {
            byte[] text = utf8("abcdefghijklmnopqrstuvwxyz0123456789ABCD");
            byte[] broken = text.clone();
            broken[at] = (byte) 0x80;
            byte[] validEncoding = new Wire().delimited(PAYLOAD_TYPE, text).bytes();
            byte[] brokenEncoding = new Wire().delimited(PAYLOAD_TYPE, broken).bytes();

            assertThat(check(validEncoding)).isTrue();
            assertThat(protobufParses(brokenEncoding)).isFalse();
            assertThat(check(brokenEncoding)).as("0x80 at %d", at).isFalse();
        }
    }

    // --- properties: what the check takes, the parser takes ------------------------------------

    @Provide
    Arbitrary<byte[]> interestingBytes() {
        Arbitrary<Byte> interesting = Arbitraries.of(
                (byte) 0x00, (byte) 0x01, (byte) 0x02, (byte) 0x08, (byte) 0x0A, (byte) 0x10, (byte) 0x12, (byte) 0x18,
                (byte) 0x20, (byte) 0x2A, (byte) 0x30, (byte) 0x3A, (byte) 0x42, (byte) 0x4A, (byte) 0x0D, (byte) 0x09,
                (byte) 0x0B, (byte) 0x0C, (byte) 0x0E, (byte) 0x0F, (byte) 'a', (byte) 0x80, (byte) 0x81, (byte) 0xBF,
                (byte) 0xC3, (byte) 0xBC, (byte) 0xC0, (byte) 0xED, (byte) 0xA0, (byte) 0xF0, (byte) 0x9F, (byte) 0xF4,
                (byte) 0x90, (byte) 0xFF);
        return interesting.array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 2_000)
    void arbitraryBytesTheCheckTakesParse(@ForAll @Size(max = 64) byte[] bytes) {
        if (check(bytes)) {
            assertThat(protobufParses(bytes)).as(Arrays.toString(bytes)).isTrue();
        }
    }

    @Property(tries = 3_000)
    void bytesNearTheWireFormatTheCheckTakesParse(@ForAll("interestingBytes") byte[] bytes) {
        if (check(bytes)) {
            assertThat(protobufParses(bytes)).as(Arrays.toString(bytes)).isTrue();
        }
    }

    /** Field numbers: Event's own, their neighbours, the largest. */
    private static Arbitrary<Integer> fieldNumbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(1, 10)),
                Tuple.of(1, Arbitraries.integers().between(11, MAX_FIELD)),
                Tuple.of(1, Arbitraries.just(MAX_FIELD)));
    }

    /** Bytes that are mostly UTF-8, sometimes not. */
    private static Arbitrary<byte[]> contents() {
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(20).map(EventRecordCheckTest::utf8)),
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(10).map(EventRecordCheckTest::utf8)),
                Tuple.of(2, Arbitraries.of(INVALID_UTF8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(4)));
        return piece.list().ofMaxSize(4).map(pieces -> concat(pieces.toArray(byte[][]::new)));
    }

    private static Arbitrary<byte[]> scalarField(Arbitrary<Integer> numbers) {
        Arbitrary<byte[]> varint = Combinators.combine(numbers, Arbitraries.longs())
                .as((field, value) -> new Wire().tag(field, 0).varint(value).bytes());
        Arbitrary<byte[]> fixed64 = Combinators.combine(numbers, Arbitraries.bytes().array(byte[].class).ofSize(8))
                .as((field, value) -> new Wire().tag(field, 1).raw(value).bytes());
        Arbitrary<byte[]> fixed32 = Combinators.combine(numbers, Arbitraries.bytes().array(byte[].class).ofSize(4))
                .as((field, value) -> new Wire().tag(field, 5).raw(value).bytes());
        return Arbitraries.oneOf(varint, fixed64, fixed32);
    }

    private static Arbitrary<byte[]> entry() {
        Arbitrary<Integer> numbers = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 3)),
                Tuple.of(1, Arbitraries.integers().between(4, MAX_FIELD)));
        Arbitrary<byte[]> delimited = Combinators.combine(numbers, contents()).as((field, content) -> new Wire().delimited(field, content).bytes());
        Arbitrary<byte[]> field = Arbitraries.frequencyOf(Tuple.of(5, delimited), Tuple.of(1, scalarField(numbers)));
        return field.list().ofMaxSize(4).map(fields -> new Wire().delimited(METADATA, concat(fields.toArray(byte[][]::new))).bytes());
    }

    /**
     * Encodings as our writer would never make them but as any writer could: every field number and wire type but
     * groups, string fields of good and bad UTF-8, minimal varints throughout.
     */
    @Provide
    Arbitrary<byte[]> wireEncodings() {
        Arbitrary<Integer> notMetadata = fieldNumbers().filter(field -> field != METADATA);
        Arbitrary<byte[]> delimited = Combinators.combine(notMetadata, contents()).as((field, content) -> new Wire().delimited(field, content).bytes());
        Arbitrary<byte[]> field = Arbitraries.frequencyOf(Tuple.of(5, delimited), Tuple.of(2, entry()), Tuple.of(2, scalarField(fieldNumbers())));
        return field.list().ofMaxSize(8).map(fields -> concat(fields.toArray(byte[][]::new)));
    }

    @Property(tries = 3_000)
    void onEncodingsWithoutGroupsOrPaddingTheCheckAnswersAsTheParserDoes(@ForAll("wireEncodings") byte[] encoding,
            @ForAll @IntRange(max = 20) int offset, @ForAll boolean direct) {
        boolean parser = protobufParses(encoding);

        assertThat(check(encoding)).as(Arrays.toString(encoding)).isEqualTo(parser);
        assertThat(checkEmbedded(encoding, offset, 5, direct, (byte) 0x80)).isEqualTo(parser);
    }

    @Property(tries = 3_000)
    void damagedEncodingsTheCheckTakesParse(@ForAll("wireEncodings") byte[] encoding, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int damages) {
        Random random = new Random(seed);
        byte[] damaged = encoding.clone();
        for (int i = 0; i < damages && damaged.length > 0; i++) {
            int at = random.nextInt(damaged.length);
            switch (random.nextInt(4)) {
                case 0 -> damaged[at] = (byte) random.nextInt(256);
                case 1 -> damaged[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> damaged = Arrays.copyOf(damaged, at);
                default -> damaged = concat(Arrays.copyOf(damaged, at), bytes(random.nextInt(256)), Arrays.copyOfRange(damaged, at, damaged.length));
            }
        }
        if (check(damaged)) {
            assertThat(protobufParses(damaged)).as(Arrays.toString(damaged)).isTrue();
        }
    }

    @Property(tries = 2_000)
    void damagedEventsTheCheckTakesParse(@ForAll("events") Event event, @ForAll long seed) {
        Random random = new Random(seed);
        byte[] damaged = event.toByteArray();
        if (damaged.length == 0) {
            return;
        }
        if (random.nextBoolean()) {
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
        } else {
            damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
        }
        if (check(damaged)) {
            assertThat(protobufParses(damaged)).as(Arrays.toString(damaged)).isTrue();
        }
    }

    // --- property: what our writer makes, the check takes --------------------------------------

    @Provide
    Arbitrary<Event> events() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(60)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(100).ofMaxLength(400)));
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return ArbitraryEvents.events(text, payload, 6);
    }

    @Property(tries = 2_000)
    void everyEventOurWriterMakesPasses(@ForAll("events") Event event, @ForAll @IntRange(max = 20) int offset, @ForAll boolean direct) {
        byte[] encoding = event.toByteArray();

        assertThat(protobufParses(encoding)).isTrue();
        assertThat(check(encoding)).as(Arrays.toString(encoding)).isTrue();
        assertThat(checkEmbedded(encoding, offset, 3, direct, (byte) 0xFF)).isTrue();
    }
}
