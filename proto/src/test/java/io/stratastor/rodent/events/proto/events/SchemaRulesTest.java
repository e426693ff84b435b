package io.stratastor.rodent.events.proto.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.proto.EventCategory;
import org.junit.jupiter.api.Test;

/**
 * The schema's own rules, checked in the proto module's build before anything uses the schema:
 * reading the catalogue fails with every violation named.
 */
class SchemaRulesTest {
    private final EventCatalog catalog = EventCatalog.fromSchema();

    @Test
    void everyTypeHasA2025_12FormWithAnOperationWhereItsCaseHasOne() {
        assertThat(catalog.types()).hasSizeGreaterThan(156);
        for (EventTypeDefinition type : catalog.types()) {
            Form2025_12 form = type.form2025_12();
            boolean caseHasOperation = form.caseMessage().findFieldByName("operation") != null;
            assertThat(form.operation().isPresent()).as(type.eventType()).isEqualTo(caseHasOperation);
            form.operation().ifPresent(op -> assertThat(op.getNumber()).as(type.eventType()).isPositive());
        }
    }

    @Test
    void everyPayloadFieldHasAPlace() {
        for (EventTypeDefinition type : catalog.types()) {
            type.payloadDescriptor().ifPresent(payload -> payload.getFields().forEach(field -> assertThat(
                    field.getOptions().getExtension(EventsProto.v202512Field)).as(field.getFullName()).isNotEmpty()));
        }
    }

    @Test
    void theTwoCategoriesOfToday() {
        assertThat(catalog.types(EventCategory.EVENT_CATEGORY_USAGE)).extracting(EventTypeDefinition::eventType)
                .contains("usage.quota.exceeded", "usage.threshold.cleared");
        assertThat(catalog.types(EventCategory.EVENT_CATEGORY_DATA_TRANSFER)).extracting(EventTypeDefinition::eventType)
                .contains("data_transfer.transfer.started");
        assertThat(catalog.find("storage.transfer.started").orElseThrow().form2025_12().category().getName())
                .isEqualTo("EVENT_CATEGORY_DATA_TRANSFER");
    }
}
