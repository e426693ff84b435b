package io.stratastor.rodent.events.core.check;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventChecksTest {
    private final EventChecks checks = new EventChecks(EventCatalog.fromSchema());

    // A map of a million entries that fails the test if anything walks it: only its size may be asked.
    private static final Map<String, String> MILLION_UNWALKABLE = new AbstractMap<>() {
        @Override
        public int size() {
            return 1_000_000;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            throw new AssertionError("the metadata was walked before its size was checked");
        }
    };

    @Test
    void metadataOfAMillionEntriesIsRefusedByItsCountBeforeAnythingWalksIt() {
        for (boolean legacy : new boolean[] {false, true}) {
            assertThatThrownBy(() -> checks.check(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs",
                    StoragePoolResilverPayload.getDefaultInstance(), MILLION_UNWALKABLE, legacy))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metadata of " + EventTypes.STORAGE_POOL_RESILVERED + " has 1000000 entries; expected at most 32");
        }
    }

    // Built from the inside out, as a caller could, without recursion.
    private static com.google.protobuf.Struct mapsInMaps(int levels) {
        com.google.protobuf.Value value = com.google.protobuf.Value.newBuilder().setStringValue("leaf").build();
        for (int i = 0; i < levels; i++) {
            value = com.google.protobuf.Value.newBuilder()
                    .setStructValue(com.google.protobuf.Struct.newBuilder().putFields("a", value)).build();
        }
        return value.getStructValue();
    }

    @Test
    void onlyPayloadTypesThatCanNestWithoutEndAreWalkedEveryTypedPayloadOfTheSchemaIsBoundedByItsType() {
        org.assertj.core.api.Assertions.assertThat(PayloadDepth.typeDepth(com.google.protobuf.Struct.getDescriptor()))
                .isGreaterThan(PayloadDepth.MAX_DEPTH);
        org.assertj.core.api.Assertions.assertThat(PayloadDepth.typeDepth(StoragePoolResilverPayload.getDescriptor()))
                .isBetween(1, PayloadDepth.MAX_DEPTH);
        org.assertj.core.api.Assertions.assertThat(EventCatalog.fromSchema().types()).allSatisfy(type -> {
            type.payloadDescriptor().filter(payload -> !payload.getFullName().startsWith("google.protobuf."))
                    .ifPresent(payload -> org.assertj.core.api.Assertions.assertThat(PayloadDepth.typeDepth(payload))
                            .as(payload.getFullName()).isLessThanOrEqualTo(PayloadDepth.MAX_DEPTH));
        });
    }

    @Test
    void aStructNestedAHundredThousandDeepIsRefusedAtTheDepthLimitNotByOverflowingTheStack() {
        com.google.protobuf.Struct deep = mapsInMaps(100_000);

        assertThatThrownBy(() -> checks.check(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", deep, Map.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload of " + EventTypes.STORAGE_POOL_RESILVERED + " nests messages deeper than 96 levels;"
                        + " expected at most 96 (32 levels of maps)");
    }

    @Test
    void aStructOfThirtyTwoLevelsOfMapsIsAccepted() {
        // 32 maps, the most the old API converts: 96 message levels.
        com.google.protobuf.Struct nested = mapsInMaps(32);

        org.assertj.core.api.Assertions.assertThatCode(() -> checks.check(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED,
                Level.INFO, "zfs", nested, Map.of(), true)).doesNotThrowAnyException();
    }
}
