package io.stratastor.rodent.events.core.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventValidatorTest {
    private final EventValidator validator = new EventValidator(EventCatalog.fromSchema());
    private final StoragePoolResilverPayload resilver = StoragePoolResilverPayload.newBuilder().setPoolName("tank").build();

    @Test
    void acceptsATypeOfTheEmittersCategoryWithItsPayload() {
        assertThatCode(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", resilver, null))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsADynamicMessageOfThePayloadsDescriptor() {
        DynamicMessage dynamic = DynamicMessage.getDefaultInstance(StoragePoolResilverPayload.getDescriptor());

        assertThatCode(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", dynamic, null))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnUnknownTypeNamingIt() {
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, "storage.pool.exploded", Level.INFO, "zfs", resilver, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown event type 'storage.pool.exploded'").hasMessageContaining("EventTypes.STORAGE_");
    }

    @Test
    void refusesATypeOfAnotherCategoryNamingBoth() {
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.NETWORK_INTERFACE_UP, Level.INFO, "zfs", null, null))
                .hasMessageContaining("belongs to category network, not storage");
    }

    @Test
    void refusesTheWrongPayloadMessageNamingTheExpectedOne() {
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs",
                StoragePoolPayload.getDefaultInstance(), null))
                .hasMessageContaining("expects payload rodent.events.StoragePoolResilverPayload")
                .hasMessageContaining("got rodent.events.StoragePoolPayload");
    }

    @Test
    void refusesAMissingPayloadAndAPayloadOnATypeWithoutOne() {
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", null, null))
                .hasMessageContaining("got null");
        assertThatThrownBy(() -> validator.validate(Category.SYSTEM, EventTypes.SYSTEM_SHUTDOWN, Level.INFO, "init", resilver, null))
                .hasMessageContaining("has no payload message");
    }

    @Test
    void refusesMissingTypeLevelOrSource() {
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, null, Level.INFO, "zfs", resilver, null))
                .hasMessageContaining("event type must not be empty");
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, null, "zfs", resilver, null))
                .hasMessageContaining("level");
        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, " ", resilver, null))
                .hasMessageContaining("source");
    }

    @Test
    void refusesNullMetadataValues() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("pool", null);

        assertThatThrownBy(() -> validator.validate(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "zfs", resilver, metadata))
                .hasMessageContaining("metadata").hasMessageContaining("pool");
    }
}
