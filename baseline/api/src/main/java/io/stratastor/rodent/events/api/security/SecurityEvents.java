package io.stratastor.rodent.events.api.security;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SecurityAuthPayload;
import io.stratastor.rodent.events.proto.events.SecurityCertificatePayload;
import io.stratastor.rodent.events.proto.events.SecurityKeyPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits security events: one method per security payload message, one for the types without a payload message. Registered as a DS service by the security bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the security category (an {@code EventTypes.SECURITY_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface SecurityEvents {

    /** Default source of auth events. */
    String AUTH_SOURCE = "auth-manager";
    /** Default source of key events. */
    String KEY_SOURCE = "key-manager";
    /** Default source of certificate events. */
    String CERTIFICATE_SOURCE = "cert-manager";
    /** Default source of the security events that have no payload message. */
    String GENERAL_SOURCE = "security-monitor";

    /** An event with a {@link SecurityAuthPayload} ({@code security.auth.success}, {@code security.auth.failed}, {@code security.auth.timeout}, {@code security.login.success}, {@code security.login.failed}, {@code security.logout}, {@code security.permission.denied}, {@code security.privilege.escalation}, {@code security.unauthorized_access}, {@code security.ssh.connection.established}, {@code security.ssh.connection.failed}), from {@value #AUTH_SOURCE}. */
    void emitAuth(String eventType, Level level, SecurityAuthPayload payload, Map<String, String> metadata);

    /** An event with a {@link SecurityAuthPayload}, from {@code source}. */
    void emitAuth(String source, String eventType, Level level, SecurityAuthPayload payload, Map<String, String> metadata);

    /** An event with a {@link SecurityKeyPayload} ({@code security.key.generated}, {@code security.key.rotated}, {@code security.key.expired}, {@code security.key.compromised}, {@code security.ssh.key.added}, {@code security.ssh.key.removed}), from {@value #KEY_SOURCE}. */
    void emitKey(String eventType, Level level, SecurityKeyPayload payload, Map<String, String> metadata);

    /** An event with a {@link SecurityKeyPayload}, from {@code source}. */
    void emitKey(String source, String eventType, Level level, SecurityKeyPayload payload, Map<String, String> metadata);

    /** An event with a {@link SecurityCertificatePayload} ({@code security.certificate.issued}, {@code security.certificate.expired}, {@code security.certificate.revoked}), from {@value #CERTIFICATE_SOURCE}. */
    void emitCertificate(String eventType, Level level, SecurityCertificatePayload payload, Map<String, String> metadata);

    /** An event with a {@link SecurityCertificatePayload}, from {@code source}. */
    void emitCertificate(String source, String eventType, Level level, SecurityCertificatePayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code security.intrusion.detected}, {@code security.malware.detected}, {@code security.policy.violation}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
