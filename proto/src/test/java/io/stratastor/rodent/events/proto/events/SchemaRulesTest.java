package io.stratastor.rodent.events.proto.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void everyBrokenRuleFailsNamingTheOffendingValue() {
        assertThatThrownBy(() -> EventCatalog.fromFile(io.stratastor.rodent.events.proto.fixtures.broken.BrokenSchema.getDescriptor()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breaks 8 rule(s)")
                .hasMessageContaining("StorageEventType: (v2025_12_fallback) '' must name a type of category storage")
                .hasMessageContaining("STORAGE_EVENT_TYPE_POOL_CREATED: event type 'storagex.pool.created' must start with its category 'storage.'")
                .hasMessageContaining("STORAGE_EVENT_TYPE_POOL_IMPORTED (storage.pool.imported): no 2025-12 form")
                .hasMessageContaining("STORAGE_EVENT_TYPE_POOL_EXPORTED (storage.pool.exported): (v2025_12_operation) 'STORAGE_POOL_OPERATION_VANISHED'"
                        + " is no set value of rodent.v2025_12.events.StoragePoolPayload.StoragePoolOperation")
                .hasMessageContaining("STORAGE_EVENT_TYPE_POOL_SCRUBBED (storage.pool.scrubbed): (v2025_12_case) 'storage_event.scrub_event':"
                        + " 'scrub_event' is no case of StorageEvent.event_type")
                .hasMessageContaining("rodent.fixtures.broken.GrownPayload.added_bytes (of storage.pool.grown): no 2025-12 place")
                .hasMessageContaining("rodent.fixtures.broken.GrownPayload.size (of storage.pool.grown): (v2025_12_field) 'size_bytes' is int64"
                        + " in StoragePoolPayload, not string")
                .hasMessageContaining("STORAGE_EVENT_TYPE_POOL_GROWN_AGAIN: event type storage.pool.grown is already declared by"
                        + " STORAGE_EVENT_TYPE_POOL_GROWN");
    }

    @Test
    void aTypeOutsideTheCatalogueTakesItsCategorysFallbackForm() {
        assertThat(catalog.form2025_12("security.user.created", EventCategory.EVENT_CATEGORY_SECURITY).toString())
                .isEqualTo("security_event.auth_event SECURITY_AUTH_OPERATION_LOGIN_SUCCESS");
        assertThat(catalog.form2025_12("storage.pool.created", EventCategory.EVENT_CATEGORY_SYSTEM))
                .isSameAs(catalog.find("storage.pool.created").orElseThrow().form2025_12());
        for (EventCategory category : EventCategory.values()) {
            if (category != EventCategory.EVENT_CATEGORY_UNSPECIFIED && category != EventCategory.UNRECOGNIZED) {
                assertThat(catalog.form2025_12("x.y", category)).as(category.name()).isNotNull();
            }
        }
    }
}
