package io.stratastor.rodent.events.core.impl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class UuidV7Test {

    @Property
    void carriesVersion7TheRfcVariantAndItsMillisecond(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long millis,
            @ForAll long seed) {
        UUID id = UuidV7.of(millis, new Random(seed));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UuidV7.unixMillis(id)).isEqualTo(millis);
    }

    @Property
    void laterMillisecondsSortAfterEarlierOnes(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFEL) long millis, @ForAll long seed) {
        Random random = new Random(seed);
        String earlier = UuidV7.of(millis, random).toString();
        String later = UuidV7.of(millis + 1, random).toString();

        assertThat(later).isGreaterThan(earlier);
    }
}
