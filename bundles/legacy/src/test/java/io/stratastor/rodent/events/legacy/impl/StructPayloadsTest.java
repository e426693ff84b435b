package io.stratastor.rodent.events.legacy.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructPayloadsTest {

    @Test
    void mapBecomesTheStructWithNestedValues() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("pool", "tank");
        payload.put("size", 1024);
        payload.put("healthy", true);
        payload.put("vdevs", List.of("sda", "sdb"));
        payload.put("props", Map.of("compression", "lz4"));
        payload.put("owner", null);

        Struct struct = StructPayloads.toStruct(payload);

        assertThat(struct.getFieldsOrThrow("pool").getStringValue()).isEqualTo("tank");
        assertThat(struct.getFieldsOrThrow("size").getNumberValue()).isEqualTo(1024.0);
        assertThat(struct.getFieldsOrThrow("healthy").getBoolValue()).isTrue();
        assertThat(struct.getFieldsOrThrow("vdevs").getListValue().getValuesList()).extracting(Value::getStringValue)
                .containsExactly("sda", "sdb");
        assertThat(struct.getFieldsOrThrow("props").getStructValue().getFieldsOrThrow("compression").getStringValue()).isEqualTo("lz4");
        assertThat(struct.getFieldsOrThrow("owner").hasNullValue()).isTrue();
    }

    @Test
    void scalarsAndListsTravelInTheValueField() {
        assertThat(StructPayloads.toStruct("resilvered").getFieldsOrThrow(StructPayloads.VALUE_FIELD).getStringValue())
                .isEqualTo("resilvered");
        assertThat(StructPayloads.toStruct(2.5).getFieldsOrThrow(StructPayloads.VALUE_FIELD).getNumberValue()).isEqualTo(2.5);
        assertThat(StructPayloads.toStruct(Arrays.asList(1, null)).getFieldsOrThrow(StructPayloads.VALUE_FIELD)
                .getListValue().getValuesCount()).isEqualTo(2);
    }

    @Test
    void nullBecomesAnEmptyStruct() {
        assertThat(StructPayloads.toStruct(null)).isEqualTo(Struct.getDefaultInstance());
    }

    @Test
    void otherTypesAreRefusedNamingWhereAndWhatIsAccepted() {
        assertThatThrownBy(() -> StructPayloads.toStruct(Map.of("when", new java.util.Date(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload.when is a java.util.Date").hasMessageContaining("a Map with String keys");
        assertThatThrownBy(() -> StructPayloads.toStruct(Map.of(7, "x")))
                .hasMessageContaining("map keys must be Strings");
    }

    @Test
    void aMapNestedAHundredThousandDeepIsRefusedAtTheDepthLimitNotByOverflowingTheStack() {
        Map<String, Object> payload = new HashMap<>();
        Map<String, Object> inner = payload;
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> next = new HashMap<>();
            inner.put("a", next);
            inner = next;
        }

        assertThatThrownBy(() -> StructPayloads.toStruct(payload))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payload.a.a")
                .hasMessageEndingWith(" is nested 33 maps and lists deep; expected at most 32");
    }

    @Test
    void listsCountTowardsTheDepthAndAMapHoldingItselfIsRefusedToo() {
        Object nested = "leaf";
        for (int i = 0; i < 40; i++) {
            nested = List.of(nested);
        }
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        Map<String, Object> deepList = Map.of("l", nested);

        assertThatThrownBy(() -> StructPayloads.toStruct(deepList))
                .hasMessageEndingWith("maps and lists deep; expected at most 32");
        assertThatThrownBy(() -> StructPayloads.toStruct(loop))
                .hasMessageStartingWith("payload.self.self").hasMessageEndingWith("expected at most 32");
    }

    @Test
    void thirtyTwoLevelsAreAccepted() {
        Object nested = "leaf";
        for (int i = 0; i < 31; i++) {
            nested = Map.of("a", nested);
        }

        assertThat(StructPayloads.toStruct(Map.of("a", nested)).getFieldsOrThrow("a").hasStructValue()).isTrue();
    }
}
