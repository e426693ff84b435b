package io.stratastor.rodent.events.api.legacy;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The event system's old calls, for modules that still pass plain maps. Registered as a DS
 * service by the legacy bundle; thread-safe. New code uses the typed emitters
 * ({@code StorageEvents}, {@code IdentityEvents}, …); the stats count what still comes this way
 * ({@code legacy_emitted}), so the migration's progress shows.
 *
 * <p>The payload may be:
 * <ul>
 * <li>a {@link java.util.Map} (String keys), a {@link java.util.List}, a {@link String}, a
 * {@link Number}, a {@link Boolean} or null — it travels as {@code google.protobuf.Struct}
 * (a map as the struct itself, anything else as the struct's {@code value} field; numbers as
 * doubles, so integers beyond 2^53 lose precision);</li>
 * <li>a protobuf message — it takes the typed path and must be the type's payload message.</li>
 * </ul>
 * Anything else is an {@link IllegalArgumentException} saying what is accepted, as are the
 * typed emitters' programming errors (unknown type, type of another category, null level).
 */
@ProviderType
public interface LegacyEventEmitter {

    /** The source of events emitted without one. */
    String DEFAULT_SOURCE = "rodent";

    /** A system event from {@value #DEFAULT_SOURCE}. */
    void emitSystemEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A system event from {@code source}. */
    void emitSystemEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A storage event from {@value #DEFAULT_SOURCE}. */
    void emitStorageEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A storage event from {@code source}. */
    void emitStorageEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A network event from {@value #DEFAULT_SOURCE}. */
    void emitNetworkEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A network event from {@code source}. */
    void emitNetworkEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A security event from {@value #DEFAULT_SOURCE}. */
    void emitSecurityEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A security event from {@code source}. */
    void emitSecurityEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A service event from {@value #DEFAULT_SOURCE}. */
    void emitServiceEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A service event from {@code source}. */
    void emitServiceEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A identity event from {@value #DEFAULT_SOURCE}. */
    void emitIdentityEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A identity event from {@code source}. */
    void emitIdentityEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A access event from {@value #DEFAULT_SOURCE}. */
    void emitAccessEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A access event from {@code source}. */
    void emitAccessEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** A sharing event from {@value #DEFAULT_SOURCE}. */
    void emitSharingEvent(String eventType, Level level, Object payload, Map<String, String> metadata);

    /** A sharing event from {@code source}. */
    void emitSharingEvent(String eventType, Level level, String source, Object payload, Map<String, String> metadata);

    /** An event of any category, from {@code source} (null: {@value #DEFAULT_SOURCE}). */
    void emit(String eventType, Level level, Category category, String source, Object payload, Map<String, String> metadata);
}
