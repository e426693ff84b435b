package io.stratastor.rodent.events.core.impl.shipping;

import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import io.stratastor.rodent.events.proto.EventCategory;
import io.stratastor.rodent.events.proto.EventLevel;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.util.List;

/** Events and settings for the shipping tests. */
final class ShippingFixtures {
    static final WireEncoders ENCODERS = new WireEncoders(EventCatalog.fromSchema());
    private static final StoragePoolPayload POOL = StoragePoolPayload.newBuilder().setPoolName("tank").setPoolState("ONLINE").build();

    private ShippingFixtures() {
    }

    /** A catalogued event told apart by its id and its metadata {@code n}, emitted at {@code millis}. */
    static Event event(int n, long millis) {
        return Event.newBuilder().setEventId(String.format("0190a000-0000-7000-8000-%012d", n)).setEventType("storage.pool.created")
                .setLevel(EventLevel.EVENT_LEVEL_INFO).setCategory(EventCategory.EVENT_CATEGORY_STORAGE).setSource("zfs")
                .setTimestamp(millis).setPayload(POOL.toByteString()).setPayloadType(POOL.getDescriptorForType().getFullName())
                .putMetadata("n", String.valueOf(n)).build();
    }

    /** Toggle configured with token-1; batches of two; a batch timeout no test reaches; backoff from 1 s, doubling up to 60 s. */
    static SettingsBuilder toggled() {
        return new SettingsBuilder().toggleAddress("127.0.0.1:50051").toggleJwt("token-1").batchSize(2).batchTimeoutSeconds(3600)
                .retryBackoffBaseSeconds(1).retryBackoffMaxSeconds(60).maxRetryAttempts(10);
    }

    /** The metadata {@code n} of a batch's events, in order. */
    static List<String> numbers(EventBatch batch) {
        return batch.getEventsList().stream().map(event -> event.getMetadataMap().get("n")).toList();
    }
}
