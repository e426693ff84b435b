package io.stratastor.rodent.events.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.identity.IdentityEvents;
import io.stratastor.rodent.events.api.legacy.LegacyEventEmitter;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    void failuresSayWhatWasExpectedAndWhatWasCaptured() {
        IdentityEvents identity = capture.emitter(IdentityEvents.class);
        identity.emitUser(EventTypes.IDENTITY_USER_DISABLED, Level.WARN, IdentityUserPayload.newBuilder().setUsername("bob").build(), null);

        assertThatThrownBy(() -> capture.assertEmitted(EventTypes.IDENTITY_USER_CREATED))
                .hasMessageContaining("expected an event of type identity.user.created, but 1 captured:")
                .hasMessageContaining("identity.user.disabled WARN identity from ad-user-manager");
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
}
