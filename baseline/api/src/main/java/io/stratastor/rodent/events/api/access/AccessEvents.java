package io.stratastor.rodent.events.api.access;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.AccessACLPayload;
import io.stratastor.rodent.events.proto.events.AccessPermissionPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits access events: one method per access payload message. Registered as a DS service by the access bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the access category (an {@code EventTypes.ACCESS_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface AccessEvents {

    /** Default source of acl events. */
    String ACL_SOURCE = "facl-manager";
    /** Default source of permission events. */
    String PERMISSION_SOURCE = "facl-manager";

    /** An event with a {@link AccessACLPayload} ({@code access.acl.created}, {@code access.acl.updated}, {@code access.acl.deleted}, {@code access.acl.permission.granted}, {@code access.acl.permission.revoked}), from {@value #ACL_SOURCE}. */
    void emitAcl(String eventType, Level level, AccessACLPayload payload, Map<String, String> metadata);

    /** An event with a {@link AccessACLPayload}, from {@code source}. */
    void emitAcl(String source, String eventType, Level level, AccessACLPayload payload, Map<String, String> metadata);

    /** An event with a {@link AccessPermissionPayload} ({@code access.file.access.granted}, {@code access.file.access.denied}, {@code access.directory.access.granted}, {@code access.directory.access.denied}, {@code access.ownership.changed}, {@code access.permissions.changed}, {@code access.inheritance.changed}, {@code access.security_descriptor.changed}, {@code access.default_acl.changed}), from {@value #PERMISSION_SOURCE}. */
    void emitPermission(String eventType, Level level, AccessPermissionPayload payload, Map<String, String> metadata);

    /** An event with a {@link AccessPermissionPayload}, from {@code source}. */
    void emitPermission(String source, String eventType, Level level, AccessPermissionPayload payload, Map<String, String> metadata);
}
