package io.stratastor.rodent.events.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import org.junit.jupiter.api.Test;

class UpstreamSchemaTest {
    private final UpstreamSchema v2025_09 = UpstreamSchema.of(WireGeneration.V2025_09);
    private final UpstreamSchema v2025_12 = UpstreamSchema.of(WireGeneration.V2025_12);

    @Test
    void envelopeOf2025_09HasItsEightFieldsAndReservesNineToTwenty() {
        Descriptor event = v2025_09.event();

        assertThat(event.getFullName()).isEqualTo("rodent.Event");
        assertThat(event.getFields()).extracting(FieldDescriptor::getNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(event.findFieldByName("metadata").isMapField()).isTrue();
        assertThat(event.findFieldByName("payload").getType()).isEqualTo(FieldDescriptor.Type.BYTES);
        assertThat(event.toProto().getReservedRange(0).getStart()).isEqualTo(9);
        assertThat(event.toProto().getReservedRange(0).getEnd()).isEqualTo(21);
        assertThat(v2025_09.enumType("rodent.EventCategory").getValues()).hasSize(9);
        assertThat(v2025_09.eventBatchResponse().getFields()).extracting(FieldDescriptor::getName).containsExactly("success", "message");
    }

    @Test
    void payloadFieldsOf2025_09ReadTheQuotedMapType() {
        Descriptor dataset = v2025_09.message("rodent.events.StorageDatasetPayload");

        assertThat(dataset.findFieldByName("properties").isMapField()).isTrue();
        assertThat(dataset.findFieldByName("properties").getMessageType().getName()).isEqualTo("PropertiesEntry");
        assertThat(v2025_09.message("rodent.events.SystemStartupPayload").findFieldByName("services_started").isRepeated()).isTrue();
    }

    @Test
    void catalogueOf2025_09IndexesEveryRow() {
        assertThat(v2025_09.catalogue()).hasSize(156);
        assertThat(v2025_09.catalogue().get("storage.pool.created")).isEqualTo(new CatalogueEntry("storage.pool.created", "storage", 2,
                "STORAGE_EVENT_TYPE_POOL_CREATED", 1, "StoragePoolCreated", "rodent.events.StoragePoolPayload"));
        assertThat(v2025_09.catalogue().get("system.shutdown").hasPayloadMessage()).isFalse();
        assertThat(v2025_12.catalogue()).isEmpty();
    }

    @Test
    void generation2025_12HasWrappersOneofsNestedEnumsAndTheUnquotedMap() {
        Descriptor event = v2025_12.event();

        assertThat(event.getFullName()).isEqualTo("rodent.events.Event");
        assertThat(event.getOneofs()).singleElement().satisfies(o -> assertThat(o.getFields()).hasSize(10));
        assertThat(event.findFieldByName("data_transfer_event").getNumber()).isEqualTo(19);
        Descriptor pool = v2025_12.message("rodent.events.StoragePoolPayload");
        assertThat(pool.findFieldByName("operation").getEnumType().getFullName())
                .isEqualTo("rodent.events.StoragePoolPayload.StoragePoolOperation");
        FieldDescriptor systemInfo = v2025_12.message("rodent.events.SystemStartupPayload").findFieldByName("system_info");
        assertThat(systemInfo.isMapField()).isTrue();
        assertThat(systemInfo.getContainingOneof()).isNull();
        assertThat(v2025_12.eventBatch().getFile().getPackage()).isEqualTo("rodent");
        assertThat(event.getFile().getPackage()).isEqualTo("rodent.events");
    }

    @Test
    void unknownNamesAndGenerationsAreRefusedNamingThem() {
        assertThatThrownBy(() -> v2025_12.message("rodent.Nope")).hasMessageContaining("rodent.Nope");
        assertThatThrownBy(() -> WireGeneration.parse("2026-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown schema generation '2026-01'; expected 2025-09 or 2025-12");
        assertThat(WireGeneration.parse("2025-12")).isEqualTo(WireGeneration.V2025_12);
    }

    @Test
    void csvReaderKeepsQuotedCommasAndEmptyCells() {
        assertThat(SchemaCsv.parse("a,b\r\nx,\"map<string, string>\",\r\n\"q\"\"\",y\n"))
                .containsExactly(java.util.List.of("a", "b"), java.util.List.of("x", "map<string, string>", ""), java.util.List.of("q\"", "y"));
    }
}
