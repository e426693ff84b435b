package io.stratastor.rodent.events.core.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLimitsTest {

    @Test
    void malformedOrOverlongEventTypesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> EventLimits.checkEventType("Storage.Pool")).hasMessageContaining("malformed")
                .hasMessageContaining("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
        assertThatThrownBy(() -> EventLimits.checkEventType("storage")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> EventLimits.checkEventType("storage.pool\n.created")).hasMessageContaining("\\u000a");
        assertThatThrownBy(() -> EventLimits.checkEventType("a." + "b".repeat(200))).hasMessageContaining("at most 128");
        assertThatCode(() -> EventLimits.checkEventType("storage.pool.created")).doesNotThrowAnyException();
    }

    @Test
    void sourceAndMetadataAreBoundedAndPrintable() {
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "s".repeat(129), null)).hasMessageContaining("source")
                .hasMessageContaining("at most 128");
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "zfs\u0007", null)).hasMessageContaining("U+0007");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "zfs", many)).hasMessageContaining("33 entries");
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "zfs", Map.of("k".repeat(65), "v")))
                .hasMessageContaining("metadata key").hasMessageContaining("at most 64");
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "zfs", Map.of("pool", "v".repeat(1025))))
                .hasMessageContaining("metadata value of pool").hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadata("t.x", "zfs", Map.of("pool", "tank\r\nx")))
                .hasMessageContaining("control character");
    }

    @Test
    void metadataKeysOfTheNodesOwnPrefixAreRefused() {
        assertThatThrownBy(() -> EventLimits.checkSourceAndMetadataLengths("t.x", "s", java.util.Map.of("rodent.event_type", "x")))
                .hasMessageContaining("metadata key 'rodent.event_type' of t.x starts with 'rodent.'");
        EventLimits.checkSourceAndMetadataLengths("t.x", "s", java.util.Map.of("rodent_pool", "x"));
    }

    @Test
    void nonFiniteFloatsInAPayloadAreRefusedNamingTheField() {
        assertThatThrownBy(() -> EventLimits.checkPayload("service.started",
                io.stratastor.rodent.events.proto.events.ServiceStatusPayload.newBuilder().setCpuUsagePercent(Double.NaN).build()))
                .hasMessageContaining("payload field cpu_usage_percent of service.started is NaN; expected a finite number");
        assertThatThrownBy(() -> EventLimits.checkPayload("storage.pool.created", com.google.protobuf.Struct.newBuilder()
                .putFields("ratio", com.google.protobuf.Value.newBuilder().setNumberValue(Double.POSITIVE_INFINITY).build()).build()))
                .hasMessageContaining("is Infinity");
    }

    @Test
    void payloadAndEventSizesAreBounded() {
        Struct big = Struct.newBuilder().putFields("blob",
                Value.newBuilder().setStringValue(ByteString.copyFrom(new byte[70_000]).toStringUtf8()).build()).build();

        assertThatThrownBy(() -> EventLimits.checkPayload("t.x", big)).hasMessageContaining("at most 65536");
        assertThatThrownBy(() -> EventLimits.checkEventSize("t.x", 200_000)).hasMessageContaining("at most 131072");
    }
}
