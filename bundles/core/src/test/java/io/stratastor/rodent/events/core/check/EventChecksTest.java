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
}
