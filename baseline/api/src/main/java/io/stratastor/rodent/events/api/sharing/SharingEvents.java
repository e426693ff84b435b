package io.stratastor.rodent.events.api.sharing;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SharingConnectionPayload;
import io.stratastor.rodent.events.proto.events.SharingFileAccessPayload;
import io.stratastor.rodent.events.proto.events.SharingSharePayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits sharing events: one method per sharing payload message, one for the types without a payload message. Registered as a DS service by the sharing bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the sharing category (an {@code EventTypes.SHARING_*}
 * constant) whose payload message is the one the method takes, and metadata (null means none).
 * The methods without a {@code source} fill in the component named on each; the overloads with
 * one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface SharingEvents {

    /** Default source of share events. */
    String SHARE_SOURCE = "share-manager";
    /** Default source of connection events. */
    String CONNECTION_SOURCE = "share-manager";
    /** Default source of file access events. */
    String FILE_ACCESS_SOURCE = "share-manager";
    /** Default source of the sharing events that have no payload message. */
    String GENERAL_SOURCE = "share-manager";

    /** An event with a {@link SharingSharePayload} ({@code sharing.share.created}, {@code sharing.share.updated}, {@code sharing.share.deleted}, {@code sharing.share.enabled}, {@code sharing.share.disabled}, {@code sharing.nfs.export.created}, {@code sharing.nfs.export.deleted}), from {@value #SHARE_SOURCE}. */
    void emitShare(String eventType, Level level, SharingSharePayload payload, Map<String, String> metadata);

    /** An event with a {@link SharingSharePayload}, from {@code source}. */
    void emitShare(String source, String eventType, Level level, SharingSharePayload payload, Map<String, String> metadata);

    /** An event with a {@link SharingConnectionPayload} ({@code sharing.smb.share.connected}, {@code sharing.smb.share.disconnected}, {@code sharing.smb.session.established}, {@code sharing.smb.session.terminated}, {@code sharing.nfs.mount}, {@code sharing.nfs.unmount}, {@code sharing.share.access.granted}, {@code sharing.share.access.denied}, {@code sharing.connection.limit_reached}), from {@value #CONNECTION_SOURCE}. */
    void emitConnection(String eventType, Level level, SharingConnectionPayload payload, Map<String, String> metadata);

    /** An event with a {@link SharingConnectionPayload}, from {@code source}. */
    void emitConnection(String source, String eventType, Level level, SharingConnectionPayload payload, Map<String, String> metadata);

    /** An event with a {@link SharingFileAccessPayload} ({@code sharing.smb.file.opened}, {@code sharing.smb.file.closed}), from {@value #FILE_ACCESS_SOURCE}. */
    void emitFileAccess(String eventType, Level level, SharingFileAccessPayload payload, Map<String, String> metadata);

    /** An event with a {@link SharingFileAccessPayload}, from {@code source}. */
    void emitFileAccess(String source, String eventType, Level level, SharingFileAccessPayload payload, Map<String, String> metadata);

    /** An event of a type without a payload message ({@code sharing.quota.exceeded}, {@code sharing.bandwidth.threshold}), from {@value #GENERAL_SOURCE}. */
    void emit(String eventType, Level level, Map<String, String> metadata);

    /** An event of a type without a payload message, from {@code source}. */
    void emit(String source, String eventType, Level level, Map<String, String> metadata);
}
