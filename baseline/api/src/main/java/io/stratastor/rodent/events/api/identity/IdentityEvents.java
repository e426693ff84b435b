package io.stratastor.rodent.events.api.identity;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.IdentityComputerPayload;
import io.stratastor.rodent.events.proto.events.IdentityGroupPayload;
import io.stratastor.rodent.events.proto.events.IdentityUserPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits identity events: one method per identity payload message, one for the types without a payload message. Registered as a DS service by the identity bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the identity category (an {@code EventTypes.IDENTITY_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface IdentityEvents {

    /** Default source of user events. */
    String USER_SOURCE = "ad-manager";
    /** Default source of group events. */
    String GROUP_SOURCE = "ad-manager";
    /** Default source of computer events. */
    String COMPUTER_SOURCE = "ad-manager";
    /** Default source of the identity events that have no payload message. */
    String GENERAL_SOURCE = "ad-manager";

    /** An event with a {@link IdentityUserPayload} ({@code identity.user.created}, {@code identity.user.updated}, {@code identity.user.deleted}, {@code identity.user.enabled}, {@code identity.user.disabled}, {@code identity.user.password.changed}, {@code identity.user.password.expired}, {@code identity.user.locked}, {@code identity.user.unlocked}), from {@value #USER_SOURCE}. */
    void emitUser(String eventType, Level level, IdentityUserPayload payload, Map<String, String> metadata);

    /** An event with a {@link IdentityUserPayload}, from {@code source}. */
    void emitUser(String source, String eventType, Level level, IdentityUserPayload payload, Map<String, String> metadata);

    /** An event with a {@link IdentityGroupPayload} ({@code identity.group.created}, {@code identity.group.updated}, {@code identity.group.deleted}, {@code identity.group.member.added}, {@code identity.group.member.removed}), from {@value #GROUP_SOURCE}. */
    void emitGroup(String eventType, Level level, IdentityGroupPayload payload, Map<String, String> metadata);

    /** An event with a {@link IdentityGroupPayload}, from {@code source}. */
    void emitGroup(String source, String eventType, Level level, IdentityGroupPayload payload, Map<String, String> metadata);

    /** An event with a {@link IdentityComputerPayload} ({@code identity.computer.joined}, {@code identity.computer.left}, {@code identity.computer.updated}, {@code identity.computer.disabled}), from {@value #COMPUTER_SOURCE}. */
    void emitComputer(String eventType, Level level, IdentityComputerPayload payload, Map<String, String> metadata);

    /** An event with a {@link IdentityComputerPayload}, from {@code source}. */
    void emitComputer(String source, String eventType, Level level, IdentityComputerPayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code identity.domain.sync.started}, {@code identity.domain.sync.completed}, {@code identity.domain.sync.failed}, {@code identity.domain_controller.connected}, {@code identity.domain_controller.disconnected}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
