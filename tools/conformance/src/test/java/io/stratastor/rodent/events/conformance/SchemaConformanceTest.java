package io.stratastor.rodent.events.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.conformance.fixtures.BadMeta;
import io.stratastor.rodent.events.conformance.fixtures.DuplicateNumberSchema;
import io.stratastor.rodent.events.conformance.fixtures.DuplicateTypeSchema;
import io.stratastor.rodent.events.conformance.fixtures.ExtraConstantTypes;
import io.stratastor.rodent.events.conformance.fixtures.GoodMeta;
import io.stratastor.rodent.events.conformance.fixtures.GoodSchema;
import io.stratastor.rodent.events.conformance.fixtures.GoodStorageEmitter;
import io.stratastor.rodent.events.conformance.fixtures.GoodTypes;
import io.stratastor.rodent.events.conformance.fixtures.MissingConstantTypes;
import io.stratastor.rodent.events.conformance.fixtures.MissingOptionSchema;
import io.stratastor.rodent.events.conformance.fixtures.PartialStorageEmitter;
import io.stratastor.rodent.events.conformance.fixtures.UnknownPayloadSchema;
import io.stratastor.rodent.events.conformance.fixtures.WrongPrefixSchema;
import io.stratastor.rodent.events.proto.events.EventsProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build's schema gate: the real schema, constants, metadata keys and emitters must agree
 * (first test), and the checker must catch each kind of dissonance (the fixtures).
 */
class SchemaConformanceTest {
    private static final Map<Category, Class<?>> EMITTERS = Map.of(
            Category.SYSTEM, SystemEvents.class,
            Category.STORAGE, StorageEvents.class,
            Category.NETWORK, NetworkEvents.class,
            Category.SECURITY, SecurityEvents.class,
            Category.SERVICE, ServiceEvents.class,
            Category.IDENTITY, IdentityEvents.class,
            Category.ACCESS, AccessEvents.class,
            Category.SHARING, SharingEvents.class,
            Category.USAGE, UsageEvents.class,
            Category.DATA_TRANSFER, DataTransferEvents.class);
    private static final Map<Category, Class<?>> GOOD_EMITTER = Map.of(Category.STORAGE, GoodStorageEmitter.class);

    @Test
    void theProjectsSchemaConstantsKeysAndEmittersAgree() {
        List<String> violations = SchemaConformance.check(EventsProto.getDescriptor(), EventTypes.class, Meta.class, EMITTERS);

        assertThat(violations).as(SchemaConformance.report(violations)).isEmpty();
    }

    @Test
    void theConformingFixturePasses() {
        assertThat(fixture(GoodSchema.getDescriptor())).isEmpty();
    }

    @Test
    void catchesAnEventTypeOutsideItsCategoryAndAValueNamedForAnother() {
        assertThat(fixture(WrongPrefixSchema.getDescriptor())).contains(
                "STORAGE_EVENT_TYPE_POOL_CREATED: event type 'network.pool.created' does not start with its category 'storage.'",
                "NETWORK_EVENT_TYPE_POOL_DESTROYED: name does not start with STORAGE_EVENT_TYPE_");
    }

    @Test
    void catchesADuplicatedNumber() {
        assertThat(fixture(DuplicateNumberSchema.getDescriptor()))
                .anyMatch(v -> v.startsWith("STORAGE_EVENT_TYPE_POOL_DESTROYED: number 1 is already used by STORAGE_EVENT_TYPE_POOL_CREATED"));
    }

    @Test
    void catchesADuplicatedEventType() {
        assertThat(fixture(DuplicateTypeSchema.getDescriptor())).contains(
                "STORAGE_EVENT_TYPE_POOL_DESTROYED: event type 'storage.pool.created' is already declared by STORAGE_EVENT_TYPE_POOL_CREATED");
    }

    @Test
    void catchesAValueWithoutItsEventType() {
        assertThat(fixture(MissingOptionSchema.getDescriptor())).contains("STORAGE_EVENT_TYPE_POOL_DESTROYED: has no (event_type) option");
    }

    @Test
    void catchesAPayloadOptionNamingNoMessage() {
        assertThat(fixture(UnknownPayloadSchema.getDescriptor())).anyMatch(v -> v.startsWith(
                "STORAGE_EVENT_TYPE_POOL_CREATED: payload option names rodent.fixtures.payload.NoSuchPayload"));
    }

    @Test
    void catchesAMissingConstantNamingIt() {
        List<String> violations = SchemaConformance.check(GoodSchema.getDescriptor(), MissingConstantTypes.class, GoodMeta.class, GOOD_EMITTER);

        assertThat(violations).containsExactly(
                "STORAGE_EVENT_TYPE_POOL_DESTROYED: MissingConstantTypes has no constant for 'storage.pool.destroyed' (expected STORAGE_POOL_DESTROYED)");
    }

    @Test
    void catchesAConstantOfNoTypeAndAMisnamedOne() {
        List<String> violations = SchemaConformance.check(GoodSchema.getDescriptor(), ExtraConstantTypes.class, GoodMeta.class, GOOD_EMITTER);

        assertThat(violations).containsExactlyInAnyOrder(
                "ExtraConstantTypes.STORAGE_POOL_EXPLODED: 'storage.pool.exploded' is not an event type of the schema",
                "STORAGE_EVENT_TYPE_POOL_DESTROYED: the constant for 'storage.pool.destroyed' should be named STORAGE_POOL_DESTROYED");
    }

    @Test
    void catchesAPayloadNoTypedEmitterMethodTakes() {
        List<String> violations = SchemaConformance.check(GoodSchema.getDescriptor(), GoodTypes.class, GoodMeta.class,
                Map.of(Category.STORAGE, PartialStorageEmitter.class));

        assertThat(violations).containsExactly(
                "STORAGE_EVENT_TYPE_POOL_CREATED: PartialStorageEmitter has no method taking (type, level, PoolThing, metadata) to emit it");
    }

    @Test
    void catchesMetadataKeysThatAreNotSnakeCaseOrNotUnique() {
        List<String> violations = SchemaConformance.check(GoodSchema.getDescriptor(), GoodTypes.class, BadMeta.class, GOOD_EMITTER);

        assertThat(violations).containsExactlyInAnyOrder(
                "BadMeta.POOL_NAME: metadata key 'pool' is already BadMeta.POOL",
                "BadMeta.RESOURCE_ID: metadata key 'resourceId' is not snake_case");
    }

    private static List<String> fixture(FileDescriptor schema) {
        return SchemaConformance.check(schema, GoodTypes.class, GoodMeta.class, GOOD_EMITTER);
    }
}
