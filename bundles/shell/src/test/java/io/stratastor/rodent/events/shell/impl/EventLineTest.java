package io.stratastor.rodent.events.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLineTest {
    private final EventLine line = new EventLine(TestEvents.CATALOG);

    @Test
    void oneLineWithIsoTimeLevelCategoryTypeSourceSortedMetadataAndCompactJson() {
        Event event = TestEvents.event("storage.pool.created", Level.WARN,
                StoragePoolPayload.newBuilder().setPoolName("tank").setTotalSize(42).addVdevs("sda").addVdevs("sdb").build(),
                Map.of("pool", "tank", "action", "create"));

        assertThat(line.format(event)).isEqualTo("2026-11-27T10:15:30.123Z WARN      storage storage.pool.created test-source"
                + " {action=create, pool=tank} {\"pool_name\":\"tank\",\"total_size\":\"42\",\"vdevs\":[\"sda\",\"sdb\"]}");
    }

    @Test
    void absentPartsShowAsDashesAndLevelsStayAligned() {
        Event event = TestEvents.event("network.dns.config.changed", Level.CRITICAL);

        assertThat(line.format(event)).isEqualTo("2026-11-27T10:15:30.123Z CRITICAL  network network.dns.config.changed test-source - -");
        assertThat(line.format(TestEvents.event("usage.quota.exceeded", Level.ESSENTIAL)))
                .isEqualTo("2026-11-27T10:15:30.123Z ESSENTIAL usage usage.quota.exceeded test-source - -");
    }

    @Test
    void oldApiStructPayloadsPrintAsJsonToo() {
        Struct struct = Struct.newBuilder().putFields("username", Value.newBuilder().setStringValue("alice").build()).build();
        Event event = TestEvents.event("identity.user.created", Level.INFO, struct, Map.of());

        assertThat(line.payload(event)).isEqualTo("{\"username\":\"alice\"}");
    }

    @Test
    void unknownOrBrokenPayloadsAreDescribedNotThrown() {
        Event base = TestEvents.event("storage.pool.created", Level.INFO);

        assertThat(line.payload(base.toBuilder().setPayloadType("rodent.events.Newer").setPayload(ByteString.copyFromUtf8("xy")).build()))
                .isEqualTo("<rodent.events.Newer: 2 bytes, not in this node's schema>");
        assertThat(line.payload(base.toBuilder().setPayloadType("rodent.events.StoragePoolPayload")
                .setPayload(ByteString.copyFrom(new byte[] {(byte) 0xff})).build()))
                .isEqualTo("<rodent.events.StoragePoolPayload: 1 bytes, unreadable>");
    }

    @Test
    void metadataLineBreaksAreFlattened() {
        Event event = TestEvents.event("storage.pool.created", Level.INFO, null, Map.of("error", "first\nsecond"));

        assertThat(line.format(event)).contains("{error=first second}").doesNotContain("\n");
    }
}
