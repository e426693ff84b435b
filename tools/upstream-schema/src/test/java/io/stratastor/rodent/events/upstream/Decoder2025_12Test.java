package io.stratastor.rodent.events.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Field numbers of 2025-12/messages.csv: Event 1 event_id, 2 level, 3 category, 4 source, 5 timestamp,
// 6 metadata, 10 system_event ... 19 data_transfer_event; StorageEvent 1 pool_event; StoragePoolPayload
// 1 pool_name, 2 devices, 3 raid_type, 4 size_bytes, 5 used_bytes, 6 operation; SystemEvent 1 startup;
// SystemStartupPayload 6 version, 7 system_info; UsageQuotaPayload 5 usage_percentage (float), 6 operation.
class Decoder2025_12Test {
    private static final long TIMESTAMP = 1_795_749_000_123L;
    private static final int STORAGE = 2;
    private static final int STORAGE_EVENT = 11;
    private final StrictDecoder decoder = new Decoder2025_12();

    private static Wire envelope(String id, int category) {
        return Wire.message().string(1, id).varint(2, 1).varint(3, category).string(4, "zfs-pool-manager").varint(5, TIMESTAMP)
                .entry(6, "rodent.event_type", "storage.pool.created");
    }

    private static Wire pool(int operation) {
        return Wire.message().string(1, "tank").string(2, "sda").string(2, "sdb").varint(4, 1024).varint(6, operation);
    }

    private static Wire poolEvent(String id) {
        return envelope(id, STORAGE).message(STORAGE_EVENT, Wire.message().message(1, pool(1)));
    }

    private DecodedEvent only(Wire event) {
        DecodedBatch batch = decoder.decode(Wire.message().message(1, event).varint(2, TIMESTAMP).string(3, "b1").toByteArray());
        assertThat(batch.problems()).isEmpty();
        return batch.events().get(0);
    }

    @Test
    void goldenPoolEventDecodesTypeOperationAndPayload() {
        DecodedEvent event = only(poolEvent("e1"));

        assertThat(event.problems()).isEmpty();
        assertThat(event.eventId()).isEqualTo("e1");
        assertThat(event.level()).isEqualTo("EVENT_LEVEL_INFO");
        assertThat(event.category()).isEqualTo("EVENT_CATEGORY_STORAGE");
        assertThat(event.source()).isEqualTo("zfs-pool-manager");
        assertThat(event.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(event.metadata()).isEqualTo(Map.of("rodent.event_type", "storage.pool.created"));
        assertThat(event.type()).isEqualTo("storage_event.pool_event");
        assertThat(event.operation()).isEqualTo("STORAGE_POOL_OPERATION_CREATED");
        assertThat(event.payload()).containsExactly(Map.entry("pool_name", "tank"), Map.entry("devices", List.of("sda", "sdb")),
                Map.entry("size_bytes", 1024L));
    }

    @Test
    void goldenStartupWithoutOperationAndUsageWithFloat() {
        Wire startup = envelope("e1", 1).message(10, Wire.message().message(1,
                Wire.message().string(6, "1.2.0").entry(7, "os", "linux")));
        Wire quota = envelope("e2", 9).message(18, Wire.message().message(1,
                Wire.message().fixed32(5, Float.floatToIntBits(87.5f)).varint(6, 1)));

        DecodedEvent first = only(startup);
        DecodedEvent second = only(quota);

        assertThat(first.problems()).isEmpty();
        assertThat(first.type()).isEqualTo("system_event.startup");
        assertThat(first.operation()).isEmpty();
        assertThat(first.payload()).containsExactly(Map.entry("version", "1.2.0"), Map.entry("system_info", Map.of("os", "linux")));
        assertThat(second.problems()).isEmpty();
        assertThat(second.category()).isEqualTo("EVENT_CATEGORY_USAGE");
        assertThat(second.payload()).containsExactly(Map.entry("usage_percentage", 87.5f));
    }

    @Test
    void noEventPayloadCaseIsAProblem() {
        assertThat(only(envelope("e1", STORAGE)).problems()).singleElement().asString()
                .startsWith("event e1: no case of event_payload is set; exactly one of [system_event, storage_event");
    }

    @Test
    void twoEventPayloadCasesAreAProblemThoughGoKeepsTheLast() {
        Wire event = poolEvent("e1").message(10, Wire.message().message(1, Wire.message().string(6, "1.2.0")));

        assertThat(only(event).problems()).singleElement().asString()
                .isEqualTo("event e1: 2 cases of event_payload are set [system_event, storage_event]; exactly one is allowed (Go would keep the last)");
    }

    @Test
    void wrapperWithoutCaseIsAProblem() {
        Wire event = envelope("e1", STORAGE).message(STORAGE_EVENT, Wire.message());

        assertThat(only(event).problems()).singleElement().asString().startsWith("event e1: storage_event: no case of event_type is set");
    }

    @Test
    void wrapperWithTwoCasesIsAProblem() {
        Wire event = envelope("e1", STORAGE).message(STORAGE_EVENT, Wire.message().message(1, pool(1))
                .message(2, Wire.message().string(1, "tank/a").varint(6, 1)));

        assertThat(only(event).problems()).singleElement().asString()
                .startsWith("event e1: storage_event: 2 cases of event_type are set [pool_event, dataset_event]");
    }

    @Test
    void categoryThatDoesNotMatchTheWrapperIsAProblem() {
        Wire event = envelope("e1", 1).message(STORAGE_EVENT, Wire.message().message(1, pool(1)));

        assertThat(only(event).problems())
                .containsExactly("event e1: category EVENT_CATEGORY_SYSTEM does not match storage_event (expected EVENT_CATEGORY_STORAGE)");
    }

    @Test
    void unsetOperationIsAProblem() {
        Wire event = envelope("e1", STORAGE).message(STORAGE_EVENT, Wire.message().message(1, pool(0)));

        assertThat(only(event).problems())
                .containsExactly("event e1: storage_event.pool_event: operation is not set (STORAGE_POOL_OPERATION_UNSPECIFIED)");
    }

    @Test
    void unknownOperationIsAProblem() {
        Wire event = envelope("e1", STORAGE).message(STORAGE_EVENT, Wire.message().message(1, pool(99)));

        assertThat(only(event).problems()).containsExactly(
                "event e1: storage_event.pool_event: operation 99 is no value of rodent.events.StoragePoolPayload.StoragePoolOperation");
    }

    @Test
    void unknownFieldDeepInThePayloadIsAProblemNamingThePath() {
        Wire event = envelope("e1", STORAGE).message(STORAGE_EVENT, Wire.message().message(1, pool(1).string(42, "x")));

        assertThat(only(event).problems())
                .containsExactly("event e1: unknown field [42] in rodent.events.Event.storage_event.pool_event");
    }

    @Test
    void levelsOfTheNewGenerationAreKnownAndOthersAreNot() {
        assertThat(only(poolEvent("e1").varint(2, 7)).level()).isEqualTo("EVENT_LEVEL_TRACE");
        assertThat(only(poolEvent("e1").varint(2, 8)).problems()).containsExactly("event e1: level 8 is no value of rodent.events.EventLevel");
        assertThat(only(poolEvent("e1").varint(3, 0)).problems()).contains("event e1: category is 0 (EVENT_CATEGORY_UNSPECIFIED)");
    }

    @Test
    void emptyEventIdIsAProblem() {
        assertThat(only(poolEvent("")).problems()).containsExactly("event #0 (no event_id): event_id is empty");
    }
}
