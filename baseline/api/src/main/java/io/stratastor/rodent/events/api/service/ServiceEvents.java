package io.stratastor.rodent.events.api.service;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.ServiceStatusPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits service events: one method per service payload message. Registered as a DS service by the service bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the service category (an {@code EventTypes.SERVICE_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface ServiceEvents {

    /** Default source of status events. */
    String STATUS_SOURCE = "service-manager";

    /** An event with a {@link ServiceStatusPayload} ({@code service.started}, {@code service.stopped}, {@code service.restarted}, {@code service.failed}, {@code service.crashed}, {@code service.killed}, {@code service.config.changed}, {@code service.config.reloaded}, {@code service.config.invalid}, {@code service.enabled.at_startup}, {@code service.disabled.at_startup}, {@code service.health_check.passed}, {@code service.health_check.failed}, {@code service.dependency.failed}), from {@value #STATUS_SOURCE}. */
    void emitStatus(String eventType, Level level, ServiceStatusPayload payload, Map<String, String> metadata);

    /** An event with a {@link ServiceStatusPayload}, from {@code source}. */
    void emitStatus(String source, String eventType, Level level, ServiceStatusPayload payload, Map<String, String> metadata);
}
