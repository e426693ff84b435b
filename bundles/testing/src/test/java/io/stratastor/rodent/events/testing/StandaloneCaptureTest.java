package io.stratastor.rodent.events.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.access.AccessEvents;
import io.stratastor.rodent.events.api.datatransfer.DataTransferEvents;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.spi.EmitterFactory;
import io.stratastor.rodent.events.api.network.NetworkEvents;
import io.stratastor.rodent.events.api.security.SecurityEvents;
import io.stratastor.rodent.events.api.service.ServiceEvents;
import io.stratastor.rodent.events.api.sharing.SharingEvents;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.api.usage.UsageEvents;
import io.stratastor.rodent.events.proto.events.DataTransferTransferPayload;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.UsageQuotaPayload;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StandaloneCaptureTest {
    private final EventCapture capture = EventCapture.standalone();

    @Test
    void capturesWhatTheRealEmitterSendsWithItsDefaultSource() {
        IdentityEvents identity = capture.emitter(IdentityEvents.class);

        identity.emitUser(EventTypes.IDENTITY_USER_CREATED, Level.INFO,
                IdentityUserPayload.newBuilder().setUsername("alice").addGroups("admins").setAccountExpires(5).build(),
                Meta.builder().put(Meta.USER, "alice").build());

        capture.assertEmitted(EventTypes.IDENTITY_USER_CREATED)
                .hasLevel(Level.INFO)
                .hasCategory(Category.IDENTITY)
                .hasSource(IdentityEvents.USER_SOURCE)
                .hasMetadata(Meta.USER, "alice")
                .hasPayloadType("rodent.events.IdentityUserPayload")
                .hasPayloadField("username", "alice")
                .hasPayloadField("groups", List.of("admins"))
                .hasPayloadField("account_expires", 5);
        assertThat(capture.events()).singleElement().satisfies(e ->
                assertThat(e.payload(IdentityUserPayload.class).getUsername()).isEqualTo("alice"));
    }

    @Test
    void fixedTypeMethodsAndTheirLevelsAreTheRealOnes() {
        capture.emitter(StorageEvents.class).emitPoolResilver(StoragePoolResilverPayload.newBuilder().setSuccess(false).build(), null);

        capture.assertEmitted(EventTypes.STORAGE_POOL_RESILVERED).hasLevel(Level.ERROR).hasSource(StorageEvents.POOL_SOURCE);
    }

    @Test
    void legacyMapPayloadsAreCapturedAsStruct() {
        capture.emitter(LegacyEventEmitter.class).emitStorageEvent(EventTypes.STORAGE_POOL_CREATED, Level.INFO, "zfs",
                Map.of("pool", "tank"), null);

        capture.assertEmitted(EventTypes.STORAGE_POOL_CREATED).hasPayloadType("google.protobuf.Struct").hasSource("zfs");
    }

    @Test
    void wrongUseFailsAsTheCoreWould() {
        IdentityEvents identity = capture.emitter(IdentityEvents.class);

        assertThatThrownBy(() -> identity.emitUser(EventTypes.STORAGE_POOL_CREATED, Level.INFO, IdentityUserPayload.getDefaultInstance(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to category storage, not identity");
        assertThat(capture.events()).isEmpty();
    }

    @Test
    void refusesExactlyWhatTheCoreRefuses() {
        IdentityEvents identity = capture.emitter(IdentityEvents.class);
        IdentityUserPayload alice = IdentityUserPayload.newBuilder().setUsername("alice").build();
        java.util.Map<String, String> nullValue = new java.util.HashMap<>();
        nullValue.put("user", null);

        assertThatThrownBy(() -> identity.emitUser(EventTypes.IDENTITY_USER_CREATED, Level.INFO, alice, Map.of("user", "al\nice")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> identity.emitUser(EventTypes.IDENTITY_USER_CREATED, Level.INFO, alice, nullValue))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null value");
        assertThatThrownBy(() -> identity.emitUser(EventTypes.IDENTITY_USER_CREATED, Level.INFO, alice, Map.of("rodent.level", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with 'rodent.'");
        assertThatThrownBy(() -> identity.emitUser("ad-user-manager", EventTypes.IDENTITY_USER_CREATED, Level.INFO, alice,
                Map.of("k", "v".repeat(5000)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata value");
        assertThat(capture.events()).isEmpty();
    }

    @Test
    void theOldApiTakesATypeTheCatalogueLacksAsTheCoreDoes() {
        capture.emitter(LegacyEventEmitter.class).emitSecurityEvent("security.user.created", Level.INFO, Map.of("username", "alice"), null);

        capture.assertEmitted("security.user.created").hasCategory(Category.SECURITY).hasPayloadType("google.protobuf.Struct");
        assertThatThrownBy(() -> capture.emitter(LegacyEventEmitter.class).emitSecurityEvent("Security..User", Level.INFO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    }

    @Test
    void failuresSayWhatWasExpectedAndWhatWasCaptured() {
        IdentityEvents identity = capture.emitter(IdentityEvents.class);
        identity.emitUser(EventTypes.IDENTITY_USER_DISABLED, Level.WARN, IdentityUserPayload.newBuilder().setUsername("bob").build(), null);

        assertThatThrownBy(() -> capture.assertEmitted(EventTypes.IDENTITY_USER_CREATED))
                .hasMessageContaining("expected an event of type identity.user.created, but 1 captured:")
                .hasMessageContaining("identity.user.disabled WARN identity from ad-manager");
        assertThatThrownBy(() -> capture.assertEmitted(EventTypes.IDENTITY_USER_DISABLED).hasPayloadField("username", "alice"))
                .hasMessageContaining("expected identity.user.disabled with username=alice, but it has username=bob");
        assertThatThrownBy(() -> capture.assertEmitted(EventTypes.IDENTITY_USER_DISABLED).hasMetadata(Meta.USER, "bob"))
                .hasMessageContaining("no metadata user");
        assertThatThrownBy(() -> capture.assertNotEmitted(EventTypes.IDENTITY_USER_DISABLED)).hasMessageContaining("bob");
        assertThatThrownBy(() -> capture.assertCount(EventTypes.IDENTITY_USER_DISABLED, 2)).hasMessageContaining("expected 2 events");
    }

    @Test
    void awaitReturnsOnceEnoughEventsArrived() throws Exception {
        assertThat(capture.await(1, Duration.ofMillis(10))).isFalse();
        capture.emitter(IdentityEvents.class).emit(EventTypes.IDENTITY_DOMAIN_SYNC_STARTED, Level.INFO, null);

        assertThat(capture.await(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void theUsageAndDataTransferEmittersAreFoundWithTheirDefaultSources() {
        capture.emitter(UsageEvents.class).emitQuotaExceeded(
                UsageQuotaPayload.newBuilder().setOrganizationId("org-1").setQuotaLimit(100).build(), null);
        capture.emitter(DataTransferEvents.class).emitTransferFailed(
                DataTransferTransferPayload.newBuilder().setTransferId("t-1").build(), Meta.builder().put(Meta.TRANSFER_ID, "t-1").build());

        capture.assertEmitted(EventTypes.USAGE_QUOTA_EXCEEDED).hasCategory(Category.USAGE).hasLevel(Level.WARN)
                .hasSource(UsageEvents.SOURCE).hasPayloadField("organization_id", "org-1");
        capture.assertEmitted(EventTypes.DATA_TRANSFER_TRANSFER_FAILED).hasCategory(Category.DATA_TRANSFER).hasLevel(Level.ERROR)
                .hasSource(DataTransferEvents.SOURCE).hasMetadata(Meta.TRANSFER_ID, "t-1");
    }

    @Test
    void everyFixedTypeMethodEmitsATypeOfItsCategoryThatTakesItsPayload() throws Exception {
        int fixed = 0;
        for (Class<?> emitterType : List.of(SystemEvents.class, StorageEvents.class, NetworkEvents.class, SecurityEvents.class,
                ServiceEvents.class, IdentityEvents.class, AccessEvents.class, SharingEvents.class, UsageEvents.class,
                DataTransferEvents.class)) {
            Object emitter = capture.emitter(emitterType);
            for (Method method : emitterType.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 2 && Message.class.isAssignableFrom(parameters[0]) && parameters[1] == Map.class) {
                    // The checks of the core run here: a type of another category or payload would throw.
                    method.invoke(emitter, parameters[0].getMethod("getDefaultInstance").invoke(null), null);
                    fixed++;
                }
            }
        }

        assertThat(fixed).isGreaterThanOrEqualTo(42);
        assertThat(capture.events()).hasSize(fixed);
    }

    @Test
    void everyCategoryBundleAndTheLegacyOneListOneEmitterFactory() {
        List<Class<?>> made = ServiceLoader.load(EmitterFactory.class).stream()
                .<Class<?>>map(provider -> provider.get().emitterType()).toList();

        assertThat(made).containsExactlyInAnyOrder(SystemEvents.class, StorageEvents.class, NetworkEvents.class,
                SecurityEvents.class, ServiceEvents.class, IdentityEvents.class, AccessEvents.class, SharingEvents.class,
                UsageEvents.class, DataTransferEvents.class, LegacyEventEmitter.class);
    }

    /** An emitter interface no bundle on the class path provides. */
    interface UnprovidedEvents {
    }

    @Test
    void anEmitterNoBundleOnTheClassPathProvidesFailsNamingItsType() {
        assertThatThrownBy(() -> capture.emitter(UnprovidedEvents.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no emitter for " + UnprovidedEvents.class.getName() + " on the class path; add ")
                .hasMessageEndingWith(" to the test class path");
    }
}
