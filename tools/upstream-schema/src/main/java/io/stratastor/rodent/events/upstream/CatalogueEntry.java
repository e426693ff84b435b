package io.stratastor.rodent.events.upstream;

/**
 * One row of generation 2025-09's catalogue of event types ({@code event-types.csv}); an immutable value.
 *
 * @param eventType the dotted type, e.g. {@code storage.pool.created}
 * @param category the category's name, e.g. {@code storage}
 * @param categoryId the category's {@code rodent.EventCategory} number
 * @param enumValue the {@code <Category>EventType} value, e.g. {@code STORAGE_EVENT_TYPE_POOL_CREATED}
 * @param number that value's number
 * @param constant the Go constant, e.g. {@code StoragePoolCreated}
 * @param payloadMessage the payload message's full name, e.g. {@code rodent.events.StoragePoolPayload};
 *     empty when the type has none
 */
public record CatalogueEntry(String eventType, String category, int categoryId, String enumValue, int number,
        String constant, String payloadMessage) {

    /** Whether the type has a payload message. */
    public boolean hasPayloadMessage() {
        return !payloadMessage.isEmpty();
    }
}
