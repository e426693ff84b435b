package io.stratastor.rodent.events.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and corrupted input to the envelope checks: the documented error or acceptance, nothing else. */
class ValidatorFuzzTest {
    private static final EventValidator VALIDATOR = new EventValidator(EventCatalog.fromSchema());

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Property(tries = 500)
    void anyTypeSourceAndMetadataIsAcceptedOrRefusedWithIllegalArgumentOnly(@ForAll("anyText") String type,
            @ForAll("anyText") String source, @ForAll("anyText") String key, @ForAll("anyText") String value,
            @ForAll Category category, @ForAll Level level) {
        try {
            EventLimits.checkEventType(type);
            VALIDATOR.validate(category, type, level, source, null, Map.of(key, value));
            EventLimits.checkSourceAndMetadata(type, source, Map.of(key, value));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void corruptedPayloadBytesNeverPassAsAnotherMessage(@ForAll byte[] bytes) {
        DynamicMessage parsed;
        try {
            parsed = DynamicMessage.parseFrom(StoragePoolPayload.getDescriptor(), bytes);
        } catch (InvalidProtocolBufferException unreadable) {
            return;
        }
        try {
            VALIDATOR.validate(Category.STORAGE, "storage.pool.created", Level.INFO, "zfs", parsed, null);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains("storage.pool.created");
        }
    }
}
