package io.stratastor.rodent.events.system.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.Meta;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.system.SystemEvents;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
import io.stratastor.rodent.events.proto.events.SystemRegistrationPayload;
import io.stratastor.rodent.events.proto.events.SystemShutdownPayload;
import io.stratastor.rodent.events.proto.events.SystemUserPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemEventsComponentTest {
    private record Published(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
    }

    private static final Map<String, String> META = Map.of(Meta.ACTION, "test");

    private final List<Published> published = new ArrayList<>();
    private final EventPublisher recorder = new EventPublisher() {
        @Override
        public void publish(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
            published.add(new Published(category, type, level, source, payload, metadata));
        }

        @Override
        public void publishLegacy(Category category, String type, Level level, String source, Message payload,
                Map<String, String> metadata) {
            throw new AssertionError("typed emitters never take the legacy path");
        }
    };
    private final SystemEventsComponent system = new SystemEventsComponent(recorder);

    private static Published expected(String type, Level level, String source, Message payload) {
        return new Published(Category.SYSTEM, type, level, source, payload, META);
    }

    @Test
    void registeredIsInfoFromTheAgent() {
        SystemRegistrationPayload payload = SystemRegistrationPayload.newBuilder().setRodentId("node-1")
                .setOrganizationId("org-1").setRegistrationType("new_registration").build();

        system.emitRegistered(payload, META);

        assertThat(published).containsExactly(expected(EventTypes.SYSTEM_REGISTERED, Level.INFO, SystemEvents.STARTUP_SOURCE, payload));
    }

    @Test
    void plannedStopsWarnAndAnEmergencyShutdownIsCritical() {
        SystemShutdownPayload payload = SystemShutdownPayload.newBuilder().setReason("maintenance").setGraceful(true).build();

        system.emitShutdownInitiated(payload, META);
        system.emitRestartInitiated(payload, META);
        system.emitEmergencyShutdown(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.SYSTEM_SHUTDOWN_INITIATED, Level.WARN, SystemEvents.GENERAL_SOURCE, payload),
                expected(EventTypes.SYSTEM_RESTART_INITIATED, Level.WARN, SystemEvents.GENERAL_SOURCE, payload),
                expected(EventTypes.SYSTEM_SHUTDOWN_EMERGENCY, Level.CRITICAL, SystemEvents.GENERAL_SOURCE, payload));
    }

    @Test
    void lockingALocalUserWarnsAndUnlockingIsInfo() {
        SystemUserPayload payload = SystemUserPayload.newBuilder().setUsername("alice").setUid(1000).build();

        system.emitLocalUserLocked(payload, META);
        system.emitLocalUserUnlocked(payload, META);

        assertThat(published).containsExactly(
                expected(EventTypes.SYSTEM_LOCAL_USER_LOCKED, Level.WARN, SystemEvents.USER_SOURCE, payload),
                expected(EventTypes.SYSTEM_LOCAL_USER_UNLOCKED, Level.INFO, SystemEvents.USER_SOURCE, payload));
    }

    @Test
    void configValidatedIsInfoFromTheConfigManager() {
        SystemConfigChangePayload payload = SystemConfigChangePayload.newBuilder().setConfigFile("/etc/rodent/rodent.yml").build();

        system.emitConfigValidated(payload, META);

        assertThat(published).containsExactly(expected(EventTypes.SYSTEM_CONFIG_VALIDATED, Level.INFO, SystemEvents.CONFIG_SOURCE, payload));
    }

    @Test
    void typedMethodsFillTheirDefaultSourceAndOverloadsKeepTheGivenOne() {
        SystemShutdownPayload shutdown = SystemShutdownPayload.getDefaultInstance();
        SystemRegistrationPayload registration = SystemRegistrationPayload.getDefaultInstance();

        system.emitShutdown(EventTypes.SYSTEM_SHUTDOWN_INITIATED, Level.WARN, shutdown, null);
        system.emitShutdown("operator-console", EventTypes.SYSTEM_SHUTDOWN_INITIATED, Level.WARN, shutdown, null);
        system.emitRegistration(EventTypes.SYSTEM_REGISTERED, Level.INFO, registration, null);
        system.emitRegistration("toggle-client", EventTypes.SYSTEM_REGISTERED, Level.INFO, registration, null);

        assertThat(published).extracting(Published::source).containsExactly(
                SystemEvents.GENERAL_SOURCE, "operator-console", SystemEvents.STARTUP_SOURCE, "toggle-client");
    }

    @Test
    void untypedEmitPicksTheSourceOfThePayloadsMethods() {
        system.emit(null, EventTypes.SYSTEM_REGISTERED, Level.INFO, SystemRegistrationPayload.getDefaultInstance(), null);
        system.emit(null, EventTypes.SYSTEM_SHUTDOWN_EMERGENCY, Level.CRITICAL, SystemShutdownPayload.getDefaultInstance(), null);

        assertThat(published).extracting(Published::source).containsExactly(SystemEvents.STARTUP_SOURCE, SystemEvents.GENERAL_SOURCE);
    }
}
