package io.stratastor.rodent.events.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Field numbers of 2025-09/envelope.csv: Event 1 event_id, 2 event_type, 3 level, 4 category, 5 source,
// 6 timestamp, 7 payload, 8 metadata; EventBatch 1 events, 2 batch_timestamp, 3 batch_id.
class Decoder2025_09Test {
    private static final long TIMESTAMP = 1_795_749_000_123L;
    private final StrictDecoder decoder = new Decoder2025_09();

    private static Wire event(String id, String type, String json) {
        Wire event = Wire.message().string(1, id).string(2, type).varint(3, 1).varint(4, 2)
                .string(5, "zfs-pool-manager").varint(6, TIMESTAMP).entry(8, "pool", "tank");
        return json == null ? event : event.json(7, json);
    }

    private static byte[] batch(Wire... events) {
        Wire batch = Wire.message();
        for (Wire event : events) {
            batch.message(1, event);
        }
        return batch.varint(2, TIMESTAMP).string(3, "b1").toByteArray();
    }

    private DecodedEvent only(Wire event) {
        DecodedBatch batch = decoder.decode(batch(event));
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.events()).hasSize(1);
        return batch.events().get(0);
    }

    private List<String> problemsOf(String json) {
        return only(event("e1", "storage.pool.created", json)).problems();
    }

    @Test
    void goldenPoolCreatedDecodesEnvelopeAndTypedPayload() {
        DecodedBatch batch = decoder.decode(batch(event("e1", "storage.pool.created",
                "{\"pool_name\":\"t\\u003cank\\u0026\",\"total_size\":1099511627776,\"vdevs\":[\"sda\",\"sdb\"]}")));

        assertThat(batch.batchId()).isEqualTo("b1");
        assertThat(batch.batchTimestamp()).isEqualTo(TIMESTAMP);
        assertThat(batch.decodable()).isTrue();
        DecodedEvent event = batch.events().get(0);
        assertThat(event.eventId()).isEqualTo("e1");
        assertThat(event.type()).isEqualTo("storage.pool.created");
        assertThat(event.level()).isEqualTo("EVENT_LEVEL_INFO");
        assertThat(event.category()).isEqualTo("EVENT_CATEGORY_STORAGE");
        assertThat(event.source()).isEqualTo("zfs-pool-manager");
        assertThat(event.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(event.metadata()).isEqualTo(Map.of("pool", "tank"));
        assertThat(event.operation()).isEmpty();
        assertThat(event.notes()).isEmpty();
        assertThat(event.payload()).containsExactly(Map.entry("pool_name", "t<ank&"), Map.entry("total_size", 1_099_511_627_776L),
                Map.entry("vdevs", List.of("sda", "sdb")));
    }

    @Test
    void goldenUserAndDatasetPayloadsTakeIntBoolAndMapValues() {
        DecodedEvent user = only(event("e1", "system.local_user.created",
                "{\"username\":\"ann\",\"uid\":1001,\"system_user\":false,\"groups\":[]}"));
        DecodedEvent dataset = only(event("e2", "storage.dataset.created",
                "{\"dataset_name\":\"tank/a\",\"properties\":{\"compression\":\"lz4\"},\"mountpoint\":null}"));

        assertThat(user.payload()).containsExactly(Map.entry("username", "ann"), Map.entry("uid", 1001),
                Map.entry("system_user", false), Map.entry("groups", List.of()));
        assertThat(dataset.payload()).containsExactly(Map.entry("dataset_name", "tank/a"),
                Map.entry("properties", Map.of("compression", "lz4")));
        assertThat(user.problems()).isEmpty();
        assertThat(dataset.problems()).isEmpty();
    }

    @Test
    void typeOutsideTheCatalogueIsReadGenericallyWithANoteNotAProblem() {
        DecodedEvent event = only(event("e1", "storage.pool.vanished", "{\"disk\":\"sda\",\"n\":3,\"x\":1.5,\"z\":null}"));

        assertThat(event.problems()).isEmpty();
        assertThat(event.notes()).singleElement().asString().contains("'storage.pool.vanished' is not in the 2025-09 catalogue");
        assertThat(event.payload()).containsEntry("disk", "sda").containsEntry("n", 3L).containsEntry("x", 1.5).containsEntry("z", null);
    }

    @Test
    void catalogueTypeWithoutPayloadMessageTakesNoPayloadOrAnyObject() {
        assertThat(only(event("e1", "system.shutdown", null)).payload()).isEmpty();
        DecodedEvent withMap = only(event("e2", "system.shutdown", "{\"reason\":\"operator\"}"));

        assertThat(withMap.problems()).isEmpty();
        assertThat(withMap.payload()).isEqualTo(Map.of("reason", "operator"));
        assertThat(withMap.notes()).singleElement().asString().contains("has no payload message");
    }

    @Test
    void unknownFieldOfTheEventIsAProblemNamingEventAndField() {
        DecodedEvent event = only(event("e1", "system.shutdown", null).string(9, "x"));

        assertThat(event.problems()).containsExactly("event e1: unknown field [9] in rodent.Event");
    }

    @Test
    void unknownFieldOfTheBatchIsABatchProblem() {
        byte[] bytes = Wire.message().message(1, event("e1", "system.shutdown", null)).string(4, "x").toByteArray();

        assertThat(decoder.decode(bytes).problems()).containsExactly("batch: unknown field [4] in rodent.EventBatch");
    }

    @Test
    void bytesThatAreNoBatchAreABatchProblemWithoutEvents() {
        DecodedBatch batch = decoder.decode(new byte[] {(byte) 0x0a, 0x05, 0x01});

        assertThat(batch.events()).isEmpty();
        assertThat(batch.problems()).singleElement().asString().startsWith("not a valid rodent.EventBatch");
    }

    @ParameterizedTest
    @CsvSource({
        "3, 0, level is 0 (EVENT_LEVEL_UNSPECIFIED)",
        "3, 5, level 5 is no value of rodent.EventLevel",
        "4, 0, category is 0 (EVENT_CATEGORY_UNSPECIFIED)",
        "4, 9, category 9 is no value of rodent.EventCategory",
    })
    void levelOrCategoryZeroOrUnknownIsAProblem(int field, int value, String problem) {
        Wire event = Wire.message().string(1, "e1").string(2, "system.shutdown").varint(3, 1).varint(4, 1).varint(field, value);

        assertThat(only(event).problems()).containsExactly("event e1: " + problem);
    }

    @Test
    void emptyEventIdAndEmptyEventTypeAreProblems() {
        DecodedEvent event = only(Wire.message().varint(3, 1).varint(4, 1));

        assertThat(event.problems()).containsExactly("event #0 (no event_id): event_id is empty",
                "event #0 (no event_id): event_type is empty");
    }

    @Test
    void payloadThatIsNotUtf8IsAProblem() {
        DecodedEvent event = only(event("e1", "storage.pool.created", null).bytes(7, ByteString.copyFrom(new byte[] {'{', '"', (byte) 0xff, '"'})));

        assertThat(event.problems()).singleElement().asString().startsWith("event e1: payload is not strict JSON: not valid UTF-8");
    }

    @Test
    void payloadThatIsNotJsonIsAProblem() {
        assertThat(problemsOf("{\"pool_name\":\"tank\",}")).singleElement().asString()
                .startsWith("event e1: payload is not strict JSON: expected a member name");
    }

    @Test
    void payloadThatIsNotAnObjectIsAProblem() {
        assertThat(problemsOf("[\"tank\"]")).containsExactly("event e1: payload is an array, not a JSON object");
    }

    @Test
    void duplicateKeyIsAProblemThoughGoKeepsTheLast() {
        assertThat(problemsOf("{\"pool_name\":\"a\",\"pool_name\":\"b\"}")).singleElement().asString()
                .contains("duplicate key \"pool_name\"");
    }

    @Test
    void keyThatIsNoFieldIsAProblemThoughGoIgnoresIt() {
        assertThat(problemsOf("{\"poolName\":\"tank\"}"))
                .containsExactly("event e1: payload key \"poolName\" is no field of rodent.events.StoragePoolPayload (Go would ignore it)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"total_size\":\"10\"}     | expected an integer, got the string \"10\"",
        "{\"total_size\":1.5}        | 1.5 is not an integer literal",
        "{\"total_size\":1e3}        | 1e3 is not an integer literal",
        "{\"total_size\":9223372036854775808} | is out of range",
        "{\"pool_name\":7}           | expected a JSON string, got the number 7",
        "{\"vdevs\":\"sda\"}         | expected a JSON array",
        "{\"vdevs\":[\"sda\",null]} | element 1 is null",
        "{\"vdevs\":[1]}             | element 0: expected a JSON string",
    })
    void valueThatGoWouldNotAcceptForThePoolFieldIsAProblem(String json, String problem) {
        assertThat(problemsOf(json)).singleElement().asString().startsWith("event e1: payload key \"").contains(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"uid\":2147483648}       | out of range [-2147483648, 2147483647]",
        "{\"create_home\":\"true\"} | expected true or false",
        "{\"create_home\":1}        | expected true or false",
    })
    void valueThatGoWouldNotAcceptForTheUserFieldIsAProblem(String json, String problem) {
        DecodedEvent event = only(event("e1", "system.local_user.created", json));

        assertThat(event.problems()).singleElement().asString().contains("SystemUserPayload").contains(problem);
    }

    @Test
    void mapValueThatIsNoStringIsAProblem() {
        DecodedEvent event = only(event("e1", "storage.dataset.created", "{\"properties\":{\"quota\":10}}"));

        assertThat(event.problems()).singleElement().asString().contains("value of \"quota\": expected a JSON string");
    }

    @Test
    void nullLeavesAFieldUnset() {
        assertThat(only(event("e1", "storage.pool.created", "{\"pool_name\":null}")).payload()).isEmpty();
    }

    @Test
    void repeatedMetadataKeyIsAProblem() {
        DecodedEvent event = only(event("e1", "system.shutdown", null).entry(8, "pool", "backup"));

        assertThat(event.problems()).containsExactly("event e1: metadata key \"pool\" is sent more than once");
    }

    @Test
    void eachEventOfABatchIsDecodedOnItsOwn() {
        DecodedBatch batch = decoder.decode(batch(event("e1", "storage.pool.created", "{}"), event("e2", "storage.pool.created", "x")));

        assertThat(batch.events()).extracting(DecodedEvent::decodable).containsExactly(true, false);
        assertThat(batch.decodable()).isFalse();
        assertThat(batch.allProblems()).singleElement().asString().startsWith("event e2:");
    }
}
