package io.stratastor.rodent.events.api.system;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
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

    /** Default source of startup events. */
    String STARTUP_SOURCE = "rodent-agent";
    /** Default source of config change events. */
    String CONFIG_SOURCE = "config-manager";
    /** Default source of user events. */
    String USER_SOURCE = "local-user-manager";
    /** Default source of the system events that have no payload message. */
    String GENERAL_SOURCE = "system-manager";

    /** An event with a {@link SystemStartupPayload} ({@code system.startup}), from {@value #STARTUP_SOURCE}. */
    void emitStartup(String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemStartupPayload}, from {@code source}. */
    void emitStartup(String source, String eventType, Level level, SystemStartupPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemConfigChangePayload} ({@code system.config.changed}, {@code system.config.reloaded}), from {@value #CONFIG_SOURCE}. */
    void emitConfigChange(String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemConfigChangePayload}, from {@code source}. */
    void emitConfigChange(String source, String eventType, Level level, SystemConfigChangePayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemUserPayload} ({@code system.local_user.created}, {@code system.local_user.deleted}, {@code system.local_user.modified}, {@code system.local_group.created}, {@code system.local_group.deleted}), from {@value #USER_SOURCE}. */
    void emitUser(String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata);

    /** An event with a {@link SystemUserPayload}, from {@code source}. */
    void emitUser(String source, String eventType, Level level, SystemUserPayload payload, Map<String, String> metadata);

    /** {@code system.startup} at {@link Level#INFO}, from {@value #STARTUP_SOURCE}. */
    void emitStartup(SystemStartupPayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code system.shutdown}, {@code system.restart}, {@code system.health_check.passed}, {@code system.health_check.failed}, {@code system.performance.threshold}, {@code system.package.installed}, {@code system.package.updated}, {@code system.package.removed}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
