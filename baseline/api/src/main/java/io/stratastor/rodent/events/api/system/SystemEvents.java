package io.stratastor.rodent.events.api.system;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
import io.stratastor.rodent.events.proto.events.SystemRegistrationPayload;
import io.stratastor.rodent.events.proto.events.SystemShutdownPayload;
import io.stratastor.rodent.events.proto.events.SystemStartupPayload;
import io.stratastor.rodent.events.proto.events.SystemUserPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits system events: one method per system payload message, one for the types without a payload message. Registered as a DS service by the system bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the system category (an {@code EventTypes.SYSTEM_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface SystemEvents {

    /** Default source of startup and registration events. */
    String STARTUP_SOURCE = "system";
    /** Default source of config change events. */
    String CONFIG_SOURCE = "system";
    /** Default source of user events. */
    String USER_SOURCE = "system-user-manager";
    /** Default source of the system events that have no payload message. */
    String GENERAL_SOURCE = "system";

    /** An event with a {@link SystemStartupPayload} ({@code system.startup}), from {@value #STARTUP_SOURCE}. */
    void emitStartup(String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemStartupPayload}, from {@code source}. */
    void emitStartup(String source, String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemConfigChangePayload} ({@code system.config.changed}, {@code system.config.reloaded}, {@code system.config.validated}), from {@value #CONFIG_SOURCE}. */
    void emitConfigChange(String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemConfigChangePayload}, from {@code source}. */
    void emitConfigChange(String source, String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemUserPayload} ({@code system.local_user.created}, {@code system.local_user.deleted}, {@code system.local_user.modified}, {@code system.local_group.created}, {@code system.local_group.deleted}, {@code system.local_user.locked}, {@code system.local_user.unlocked}), from {@value #USER_SOURCE}. */
    void emitUser(String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemUserPayload}, from {@code source}. */
    void emitUser(String source, String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata);

    /** {@code system.startup} at {@link Level#INFO}, from {@value #STARTUP_SOURCE}. */
    void emitStartup(SystemStartupPayload payload, Map<String, String> metadata);

    /**
     * An event with a {@link SystemRegistrationPayload} ({@code system.registered}), from {@value #STARTUP_SOURCE}.
     *
     * @since 1.1
     */
    void emitRegistration(String eventType, Level level, SystemRegistrationPayload payload, Map<String, String> metadata);

    /**
     * An event with a {@link SystemRegistrationPayload}, from {@code source}.
     *
     * @since 1.1
     */
    void emitRegistration(String source, String eventType, Level level, SystemRegistrationPayload payload, Map<String, String> metadata);

    /**
     * {@code system.registered} at {@link Level#INFO}, from {@value #STARTUP_SOURCE}: the node registered with Toggle.
     *
     * @since 1.1
     */
    void emitRegistered(SystemRegistrationPayload payload, Map<String, String> metadata);

    /**
     * An event with a {@link SystemShutdownPayload} ({@code system.shutdown.initiated},
     * {@code system.restart.initiated}, {@code system.shutdown.emergency}), from {@value #GENERAL_SOURCE}.
     *
     * @since 1.1
     */
    void emitShutdown(String eventType, Level level, SystemShutdownPayload payload, Map<String, String> metadata);

    /**
     * An event with a {@link SystemShutdownPayload}, from {@code source}.
     *
     * @since 1.1
     */
    void emitShutdown(String source, String eventType, Level level, SystemShutdownPayload payload, Map<String, String> metadata);

    /**
     * {@code system.shutdown.initiated} at {@link Level#WARN} (the node stops), from {@value #GENERAL_SOURCE}.
     *
     * @since 1.1
     */
    void emitShutdownInitiated(SystemShutdownPayload payload, Map<String, String> metadata);

    /**
     * {@code system.restart.initiated} at {@link Level#WARN} (the node stops, then starts), from {@value #GENERAL_SOURCE}.
     *
     * @since 1.1
     */
    void emitRestartInitiated(SystemShutdownPayload payload, Map<String, String> metadata);

    /**
     * {@code system.shutdown.emergency} at {@link Level#CRITICAL} (an unplanned stop that may lose
     * data), from {@value #GENERAL_SOURCE}.
     *
     * @since 1.1
     */
    void emitEmergencyShutdown(SystemShutdownPayload payload, Map<String, String> metadata);

    /**
     * {@code system.local_user.locked} at {@link Level#WARN} (the account is stopped), from {@value #USER_SOURCE}.
     *
     * @since 1.1
     */
    void emitLocalUserLocked(SystemUserPayload payload, Map<String, String> metadata);

    /**
     * {@code system.local_user.unlocked} at {@link Level#INFO}, from {@value #USER_SOURCE}.
     *
     * @since 1.1
     */
    void emitLocalUserUnlocked(SystemUserPayload payload, Map<String, String> metadata);

    /**
     * {@code system.config.validated} at {@link Level#INFO}, from {@value #CONFIG_SOURCE}.
     *
     * @since 1.1
     */
    void emitConfigValidated(SystemConfigChangePayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code system.shutdown}, {@code system.restart}, {@code system.health_check.passed}, {@code system.health_check.failed}, {@code system.performance.threshold}, {@code system.package.installed}, {@code system.package.updated}, {@code system.package.removed}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
