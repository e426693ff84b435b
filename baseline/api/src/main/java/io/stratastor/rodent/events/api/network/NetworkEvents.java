package io.stratastor.rodent.events.api.network;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.NetworkConnectionPayload;
import io.stratastor.rodent.events.proto.events.NetworkInterfacePayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits network events: one method per network payload message, one for the types without a payload message. Registered as a DS service by the network bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the network category (an {@code EventTypes.NETWORK_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface NetworkEvents {

    /** Default source of interface events. */
    String INTERFACE_SOURCE = "netmage";
    /** Default source of connection events. */
    String CONNECTION_SOURCE = "netmage";
    /** Default source of the network events that have no payload message. */
    String GENERAL_SOURCE = "netmage";

    /** An event with a {@link NetworkInterfacePayload} ({@code network.interface.up}, {@code network.interface.down}, {@code network.interface.added}, {@code network.interface.removed}, {@code network.interface.config.changed}), from {@value #INTERFACE_SOURCE}. */
    void emitInterface(String eventType, Level level, NetworkInterfacePayload payload, Map<String, String> metadata);

    /** An event with a {@link NetworkInterfacePayload}, from {@code source}. */
    void emitInterface(String source, String eventType, Level level, NetworkInterfacePayload payload, Map<String, String> metadata);

    /** An event with a {@link NetworkConnectionPayload} ({@code network.connection.established}, {@code network.connection.failed}, {@code network.connection.lost}, {@code network.connection.timeout}), from {@value #CONNECTION_SOURCE}. */
    void emitConnection(String eventType, Level level, NetworkConnectionPayload payload, Map<String, String> metadata);

    /** An event with a {@link NetworkConnectionPayload}, from {@code source}. */
    void emitConnection(String source, String eventType, Level level, NetworkConnectionPayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code network.dns.config.changed}, {@code network.dns.resolution.failed}, {@code network.route.added}, {@code network.route.deleted}, {@code network.route.changed}, {@code network.bandwidth.threshold}, {@code network.packet_loss.threshold}, {@code network.latency.threshold}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
