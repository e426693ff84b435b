package io.stratastor.rodent.events.core.impl;

import com.google.protobuf.ByteString;
import io.stratastor.rodent.events.proto.Event;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Tuple;

/** Random {@code Event}s for property tests: any text, any enum number (known or not), any payload. Stateless. */
public final class ArbitraryEvents {
    private ArbitraryEvents() {
    }

    /** Events whose strings come from {@code text} and payloads from {@code payload}, with up to {@code maxMetadata} entries. */
    public static Arbitrary<Event> events(Arbitrary<String> text, Arbitrary<byte[]> payload, int maxMetadata) {
        Arbitrary<Integer> enumValue = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 8)),
                Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(text, text).ofMaxSize(maxMetadata);
        return Builders.withBuilder(Event::newBuilder)
                .use(text).in(Event.Builder::setEventId)
                .use(text).in(Event.Builder::setEventType)
                .use(enumValue).in(Event.Builder::setLevelValue)
                .use(enumValue).in(Event.Builder::setCategoryValue)
                .use(text).in(Event.Builder::setSource)
                .use(Arbitraries.longs()).in(Event.Builder::setTimestamp)
                .use(payload).in((builder, bytes) -> builder.setPayload(ByteString.copyFrom(bytes)))
                .use(metadata).in(Event.Builder::putAllMetadata)
                .use(text).in(Event.Builder::setPayloadType)
                .build(Event.Builder::build);
    }
}
