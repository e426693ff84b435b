package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The envelope encoded directly must be the bytes protobuf itself would write for the same Event. */
class EnvelopeFactoryTest {
    private static final long NOW = Instant.parse("2026-11-27T05:00:00Z").toEpochMilli();
    private final EnvelopeFactory factory = new EnvelopeFactory(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    private static byte[] asProtobufWritesIt(UUID id, long timestamp, Category category, String type, Level level, String source,
            Message payload, Map<String, String> metadata) {
        Event.Builder event = Event.newBuilder().setEventId(id.toString()).setEventType(type).setLevel(level.wireValue())
                .setCategory(category.wireValue()).setSource(source).setTimestamp(timestamp);
        if (payload != null) {
            event.setPayload(payload.toByteString()).setPayloadType(payload.getDescriptorForType().getFullName());
        }
        if (metadata != null) {
            event.putAllMetadata(metadata);
        }
        return event.build().toByteArray();
    }

    private byte[] encoded(UUID id, long timestamp, Category category, String type, Level level, String source, Message payload,
            Map<String, String> metadata) {
        EnvelopeFactory.Encoded encoded = factory.encode(id, timestamp, category, type, level, source, payload, metadata);
        return Arrays.copyOf(encoded.bytes(), encoded.length());
    }

    @Test
    void aTypicalStorageEventIsByteForByteWhatProtobufWrites() {
        UUID id = UuidV7.of(NOW, new Random(1));
        StoragePoolPayload payload = StoragePoolPayload.newBuilder().setPoolName("tank").setHealthStatus("ONLINE").setTotalSize(1L << 40).build();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("pool", "tank");
        metadata.put("host", "node-ü-07");
        metadata.put("empty", "");

        assertThat(encoded(id, NOW, Category.STORAGE, "storage.pool.created", Level.WARN, "zfs-pool-manager", payload, metadata))
                .isEqualTo(asProtobufWritesIt(id, NOW, Category.STORAGE, "storage.pool.created", Level.WARN, "zfs-pool-manager", payload,
                        metadata));
    }

    @Test
    void largeEnvelopesGrowTheBufferAndPayloadsOfEverySizeInTurnStayByteForByte() {
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            // Sizes from a few bytes to 40 KB, small ones mostly: the thread's payload region fills and starts again.
            int payloadChars = i % 50 == 0 ? 40_000 : random.nextInt(900);
            Struct payload = Struct.newBuilder().putFields("text", Value.newBuilder().setStringValue("p".repeat(payloadChars)).build()).build();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int entry = 0; entry < (i % 7 == 0 ? 32 : 3); entry++) {
                metadata.put("key" + entry, "v".repeat(i % 7 == 0 ? 1000 : entry));
            }
            UUID id = UuidV7.of(NOW + i, random);

            assertThat(encoded(id, NOW + i, Category.STORAGE, "storage.pool.created", Level.INFO, "zfs", payload, metadata))
                    .as("envelope %d", i)
                    .isEqualTo(asProtobufWritesIt(id, NOW + i, Category.STORAGE, "storage.pool.created", Level.INFO, "zfs", payload,
                            metadata));
        }
    }

    @Test
    void aStructPayloadAnEmptyPayloadAndNoMetadataToo() {
        UUID id = UuidV7.of(NOW, new Random(2));
        Struct struct = Struct.newBuilder().putFields("user", Value.newBuilder().setStringValue("alice").build()).build();

        assertThat(encoded(id, NOW, Category.IDENTITY, "identity.user.created", Level.INFO, "ad", struct, null))
                .isEqualTo(asProtobufWritesIt(id, NOW, Category.IDENTITY, "identity.user.created", Level.INFO, "ad", struct, null));
        assertThat(encoded(id, NOW, Category.SYSTEM, "system.node.started", Level.INFO, "", Struct.getDefaultInstance(), Map.of()))
                .isEqualTo(asProtobufWritesIt(id, NOW, Category.SYSTEM, "system.node.started", Level.INFO, "", Struct.getDefaultInstance(),
                        Map.of()));
    }

    @Test
    void aLongMetadataEntryMovesOverForItsLongerLengthPrefix() {
        UUID id = UuidV7.of(NOW, new Random(3));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("short", "x");
        metadata.put("description", "d".repeat(1000));
        metadata.put("after", "y");

        assertThat(encoded(id, NOW, Category.SHARING, "sharing.smb.share_created", Level.INFO, "smb", null, metadata))
                .isEqualTo(asProtobufWritesIt(id, NOW, Category.SHARING, "sharing.smb.share_created", Level.INFO, "smb", null, metadata));
    }

    @Test
    void theEnvelopeCarriesAFreshUuidV7AndTheClocksTime() {
        Event first = factory.envelope(Category.NETWORK, "network.interface.down", Level.ERROR, "net", null, Map.of());
        Event second = factory.envelope(Category.NETWORK, "network.interface.down", Level.ERROR, "net", null, Map.of());

        assertThat(first.getTimestamp()).isEqualTo(NOW);
        assertThat(UuidV7.unixMillis(UUID.fromString(first.getEventId()))).isEqualTo(NOW);
        assertThat(UUID.fromString(first.getEventId()).version()).isEqualTo(7);
        assertThat(first.getEventId()).isNotEqualTo(second.getEventId());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(200), Arbitraries.strings().all().ofMaxLength(200));
    }

    @Provide
    Arbitrary<Map<String, String>> metadata() {
        return Arbitraries.maps(text(), text()).ofMaxSize(12);
    }

    // Or refused, when a text field holds a control character.
    @Property(tries = 400)
    void anyEnvelopeIsByteForByteWhatProtobufWrites(@ForAll("text") String type, @ForAll("text") String source,
            @ForAll("metadata") Map<String, String> metadata, @ForAll byte[] payloadBytes, @ForAll Category category,
            @ForAll Level level, @ForAll long timestamp, @ForAll long msb, @ForAll long lsb, @ForAll boolean withPayload) {
        UUID id = new UUID(msb, lsb);
        Message payload = withPayload ? Value.newBuilder().setStringValue(new String(payloadBytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .build() : null;
        if (withPayload && payloadBytes.length % 3 == 0) {
            payload = Struct.newBuilder().putFields(source, Value.newBuilder().setStringValue(ByteString.copyFrom(payloadBytes).toStringUtf8())
                    .build()).build();
        }

        boolean control = Stream.concat(Stream.of(type, source), metadata.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())))
                .anyMatch(text -> text.chars().anyMatch(Character::isISOControl));
        if (control) {
            Message shown = payload;
            assertThatThrownBy(() -> encoded(id, timestamp, category, type, level, source, shown, metadata))
                    .isInstanceOf(EnvelopeFactory.ControlCharacter.class);
        } else {
            assertThat(encoded(id, timestamp, category, type, level, source, payload, metadata))
                    .isEqualTo(asProtobufWritesIt(id, timestamp, category, type, level, source, payload, metadata));
        }
    }
}
