package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.EventTypeDefinition;
import io.stratastor.rodent.events.proto.events.Form2025_12;
import io.stratastor.rodent.events.upstream.DecodedBatch;
import io.stratastor.rodent.events.upstream.DecodedEvent;
import io.stratastor.rodent.events.upstream.StrictDecoder;
import io.stratastor.rodent.events.upstream.UpstreamSchema;
import io.stratastor.rodent.events.upstream.WireGeneration;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random events of every type of the catalogue, what the node sends in each generation,
 * decoded by a strict decoder whose descriptors are built from upstream's schema data alone (not
 * from our .proto files), gives back every value the module passed: in its field, or in the
 * documented carrier. Our encoder cannot fool it: the decoder shares none of its code or schema.
 */
class WireGenerationsPropertyTest {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();
    private static final WireEncoders ENCODERS = new WireEncoders(CATALOG);
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final EnvelopeFactory ENVELOPES = new EnvelopeFactory(Clock.fixed(NOW, ZoneOffset.UTC));

    /** What a module passed. */
    record Emitted(EventTypeDefinition type, Level level, String source, Message payload, Map<String, String> metadata) {
        @Override
        public String toString() {
            return type.eventType() + " " + level + " " + source + " " + metadata + " " + (payload == null ? "-" : payload.toString().replace('\n', ' '));
        }
    }

    @Property(tries = 400)
    void everyValueComesBackIn2025_09(@ForAll("emitted") Emitted emitted) {
        DecodedEvent event = sendAndDecode(emitted, Generation.V2025_09, WireGeneration.V2025_09);

        boolean todaysLevel = emitted.level().number() > Level.CRITICAL.number();
        assertThat(event.type()).isEqualTo(emitted.type().eventType());
        assertThat(event.level()).isEqualTo("EVENT_LEVEL_" + (todaysLevel ? "INFO" : emitted.level().name()));
        Category category = Category.parse(EventCatalog.labelOf(emitted.type().category()));
        assertThat(event.category()).isEqualTo("EVENT_CATEGORY_"
                + (category == Category.USAGE ? "SYSTEM" : category == Category.DATA_TRANSFER ? "STORAGE" : category.name()));
        Map<String, String> metadata = new LinkedHashMap<>(emitted.metadata());
        if (todaysLevel) {
            metadata.put("rodent.level", emitted.level().label());
        }
        assertThat(event.metadata()).isEqualTo(metadata);
        // A type of today's kinds is not in 2025-09's catalogue: its Toggle reads the JSON as it is.
        boolean catalogued = SEED_TYPES.containsKey(emitted.type().eventType());
        assertThat(event.payload()).isEqualTo(emitted.payload() == null ? Map.of()
                : catalogued ? values(emitted.payload()) : json(emitted.payload()));
    }

    private static final Map<String, ?> SEED_TYPES = UpstreamSchema.of(WireGeneration.V2025_09).catalogue();

    // The payload's fields as a JSON reader without the schema sees them: integers that fit a long
    // as Long, other numbers as Double, maps and lists as they are.
    private static Map<String, Object> json(Message payload) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<FieldDescriptor, Object> field : payload.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            Object value = value(descriptor, field.getValue());
            if (descriptor.isRepeated() && !descriptor.isMapField()) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(jsonScalar(descriptor, item));
                }
                value = items;
            } else if (!descriptor.isMapField()) {
                value = jsonScalar(descriptor, value);
            }
            values.put(descriptor.getName(), value);
        }
        return values;
    }

    private static Object jsonScalar(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT, LONG, FLOAT, DOUBLE -> {
                String text = GoJson.value(field, value);
                if (!text.contains(".") && !text.contains("e")) {
                    try {
                        yield Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        yield Double.parseDouble(text);
                    }
                }
                yield Double.parseDouble(text);
            }
            default -> value;
        };
    }

    @Property(tries = 400)
    void everyValueComesBackIn2025_12(@ForAll("emitted") Emitted emitted) {
        DecodedEvent event = sendAndDecode(emitted, Generation.V2025_12, WireGeneration.V2025_12);

        Form2025_12 form = emitted.type().form2025_12();
        assertThat(event.type()).isEqualTo(form.wrapper().getName() + "." + form.payloadCase().getName());
        assertThat(event.operation()).isEqualTo(form.operation().map(op -> op.getName()).orElse(""));
        assertThat(event.level()).isEqualTo("EVENT_LEVEL_" + emitted.level().name());
        assertThat(event.category()).isEqualTo(form.category().getName());
        Map<String, String> metadata = new LinkedHashMap<>(emitted.metadata());
        metadata.put(Form2025_12.EVENT_TYPE_KEY, emitted.type().eventType());
        Map<String, Object> placed = new LinkedHashMap<>();
        if (emitted.payload() != null) {
            for (Map.Entry<FieldDescriptor, Object> field : emitted.payload().getAllFields().entrySet()) {
                FieldDescriptor place = form.placeOf(field.getKey()).orElse(null);
                if (place != null) {
                    placed.put(place.getName(), value(field.getKey(), field.getValue()));
                } else {
                    metadata.put(Form2025_12.PAYLOAD_KEY_PREFIX + field.getKey().getName(), carried(field.getKey(), field.getValue()));
                }
            }
        }
        assertThat(event.metadata()).isEqualTo(metadata);
        assertThat(event.payload()).isEqualTo(placed);
    }

    /** The shipper's fast path writes JSON from the payload's bytes: the same text as the writer over the message. */
    @Property(tries = 400)
    void theJsonWrittenFromTheBytesIsTheJsonWrittenFromTheMessage(@ForAll("emitted") Emitted emitted) {
        if (emitted.payload() == null) {
            return;
        }
        String fromBytes = WireJson.of(emitted.payload().getDescriptorForType(), ByteBuffer.wrap(emitted.payload().toByteArray()));
        assertThat(fromBytes).as("the fast path took the payload").isNotNull().isEqualTo(GoJson.text(emitted.payload()));
    }

    /**
     * The shipper encodes batch after batch with one assembler, in buffers it reuses, and encoders
     * that remember the last payload type: a batch of mixed types, assembled again and again over
     * the buffer of the one before, holds each event exactly as encoders that never saw another
     * encode it alone.
     */
    @Property(tries = 100)
    void aBatchOfMixedTypesHoldsEachEventAsItIsEncodedAlone(@ForAll("emittedBatches") List<Emitted> batch) {
        // One buffer kept: each round writes over the last round's bytes.
        EncodedBatch.Assembler assembler = new EncodedBatch.Assembler(1);
        List<ByteBuffer> records = batch.stream().map(WireGenerationsPropertyTest::record).toList();
        for (Generation generation : Generation.values()) {
            List<ByteBuffer> alone = new ArrayList<>();
            for (ByteBuffer record : records) {
                WireOut out = new WireOut(1024);
                new WireEncoders(CATALOG).of(generation).encode(record.duplicate(), out);
                alone.add(ByteBuffer.wrap(out.toByteArray()));
            }
            byte[] expected = EncodedBatch.assemble(alone, NOW.toEpochMilli(), "b").bytes();
            for (int round = 0; round < 2; round++) {
                EncodedBatch encoded = assembler.encode(records, NOW.toEpochMilli(), "b", ENCODERS.of(generation)).batch();
                assertThat(encoded.bytes()).as("%s, round %d", generation, round).isEqualTo(expected);
                assembler.release(encoded);
            }
        }
    }

    private static ByteBuffer record(Emitted emitted) {
        Category category = Category.parse(EventCatalog.labelOf(emitted.type().category()));
        EnvelopeFactory.Encoded stored = ENVELOPES.encode(category, emitted.type().eventType(), emitted.level(), emitted.source(),
                emitted.payload(), emitted.metadata());
        return ByteBuffer.wrap(java.util.Arrays.copyOf(stored.bytes(), stored.length()));
    }

    @Provide
    Arbitrary<List<Emitted>> emittedBatches() {
        // Each event twice in a row, so that a type follows itself as well as another.
        return emitted().list().ofMinSize(2).ofMaxSize(6)
                .map(events -> events.stream().flatMap(event -> java.util.stream.Stream.of(event, event)).toList());
    }

    private static DecodedEvent sendAndDecode(Emitted emitted, Generation generation, WireGeneration upstream) {
        Category category = Category.parse(EventCatalog.labelOf(emitted.type().category()));
        EnvelopeFactory.Encoded stored = ENVELOPES.encode(category, emitted.type().eventType(), emitted.level(), emitted.source(),
                emitted.payload(), emitted.metadata());
        ByteBuffer record = ByteBuffer.wrap(java.util.Arrays.copyOf(stored.bytes(), stored.length()));
        EncodedBatch batch = EncodedBatch.encode(List.of(record), NOW.toEpochMilli(), "0193a3c2-0000-7000-8000-000000000001",
                ENCODERS.of(generation)).batch();

        DecodedBatch decoded = StrictDecoder.forGeneration(upstream).decode(batch.bytes());
        assertThat(decoded.allProblems()).isEmpty();
        assertThat(decoded.batchId()).isEqualTo("0193a3c2-0000-7000-8000-000000000001");
        assertThat(decoded.events()).hasSize(1);
        DecodedEvent event = decoded.events().get(0);
        assertThat(event.eventId()).hasSize(36);
        assertThat(event.source()).isEqualTo(emitted.source());
        assertThat(event.timestamp()).isEqualTo(NOW.toEpochMilli());
        return event;
    }

    // A value in a metadata carrier: a string as it is, anything else as its JSON.
    private static String carried(FieldDescriptor field, Object value) {
        return field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated() ? (String) value : GoJson.value(field, value);
    }

    // The payload's fields set, by name, in the decoder's value types (maps as maps).
    private static Map<String, Object> values(Message payload) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<FieldDescriptor, Object> field : payload.getAllFields().entrySet()) {
            values.put(field.getKey().getName(), value(field.getKey(), field.getValue()));
        }
        return values;
    }

    private static Object value(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object entry : (List<?>) value) {
                map.put(String.valueOf(((MapEntry<?, ?>) entry).getKey()), ((MapEntry<?, ?>) entry).getValue());
            }
            return map;
        }
        return value;
    }

    @Provide
    Arbitrary<Emitted> emitted() {
        Arbitrary<EventTypeDefinition> types = Arbitraries.of(CATALOG.types());
        return types.flatMap(type -> Combinators.combine(Arbitraries.of(Level.values()), Arbitraries.strings().withCharRange('a', 'z')
                .withChars('-').ofMinLength(1).ofMaxLength(24), payload(type), metadata())
                .as((level, source, payload, metadata) -> new Emitted(type, level, source, payload, metadata)));
    }

    private static Arbitrary<Map<String, String>> metadata() {
        Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(12);
        // Metadata is printable text (the envelope refuses control characters there).
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中', '<', '&', '\u2028', '"')
                .ofMaxLength(40);
        return Arbitraries.maps(keys, values).ofMaxSize(4);
    }

    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中', '<', '>', '&', '\u2028', '\n', '\t', '"', '\\')
                .ofMaxLength(maxLength);
    }

    // A payload of the type's message with random values in random fields; none for a type without one.
    private static Arbitrary<Message> payload(EventTypeDefinition type) {
        if (type.payloadPrototype().isEmpty()) {
            return Arbitraries.just(null);
        }
        Message prototype = type.payloadPrototype().get();
        Descriptor descriptor = prototype.getDescriptorForType();
        List<Arbitrary<FieldValue>> fields = new ArrayList<>();
        for (FieldDescriptor field : descriptor.getFields()) {
            fields.add(fieldValue(field).injectNull(0.4).map(value -> new FieldValue(field, value)));
        }
        return Combinators.combine(fields).as(values -> {
            DynamicMessage.Builder builder = DynamicMessage.newBuilder(descriptor);
            for (FieldValue value : values) {
                if (value.value() != null) {
                    builder.setField(value.field(), value.value());
                }
            }
            try {
                return prototype.getParserForType().parseFrom(builder.build().toByteString());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    record FieldValue(FieldDescriptor field, Object value) {
    }

    private static Arbitrary<Object> fieldValue(FieldDescriptor field) {
        if (field.isMapField()) {
            Descriptor entry = field.getMessageType();
            return Arbitraries.maps(text(8), text(16)).ofMaxSize(3).map(map -> {
                List<Object> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(DynamicMessage.newBuilder(entry).setField(entry.findFieldByName("key"), k)
                        .setField(entry.findFieldByName("value"), v).build()));
                return entries;
            });
        }
        Arbitrary<Object> one = scalar(field);
        return field.isRepeated() ? one.list().ofMaxSize(3).map(list -> (Object) list) : one;
    }

    private static Arbitrary<Object> scalar(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case STRING -> text(30).map(s -> (Object) s);
            case BOOLEAN -> Arbitraries.of(true, false).map(b -> (Object) b);
            case INT -> Arbitraries.integers().map(i -> (Object) i);
            case LONG -> Arbitraries.longs().map(l -> (Object) l);
            case FLOAT -> Arbitraries.floats().filter(Float::isFinite).map(f -> (Object) f);
            case DOUBLE -> Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d);
            default -> throw new IllegalStateException("no generator for " + field.getFullName() + " of kind " + field.getJavaType());
        };
    }
}
