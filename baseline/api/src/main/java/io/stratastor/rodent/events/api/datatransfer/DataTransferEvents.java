package io.stratastor.rodent.events.api.datatransfer;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.DataTransferTransferPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits data transfer events: one method per data transfer payload message, and one fixed-type method per
 * type, which picks the type's level. Registered as a DS service by the data transfer bundle; thread-safe.
 *
 * <p>Every method without a fixed type takes a dotted event type of the data_transfer category (an
 * {@code EventTypes.DATA_TRANSFER_*} constant) whose payload message is the one the method takes;
 * every method takes metadata (null means none). The methods without a {@code source} fill in
 * {@value #SOURCE}; the overloads with one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface DataTransferEvents {

    /** Default source of data transfer events (the source upstream Rodent gives them). */
    String SOURCE = "rodent.zfs-transfer-manager";

    /** An event with a {@link DataTransferTransferPayload} ({@code data_transfer.transfer.*}), from {@value #SOURCE}. */
    void emitTransfer(String eventType, Level level, DataTransferTransferPayload payload, Map<String, String> metadata);

    /** An event with a {@link DataTransferTransferPayload}, from {@code source}. */
    void emitTransfer(String source, String eventType, Level level, DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.started} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitTransferStarted(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.progress} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitTransferProgress(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.completed} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitTransferCompleted(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.failed} at {@link Level#ERROR}, from {@value #SOURCE}. */
    void emitTransferFailed(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.cancelled} at {@link Level#WARN} (stopped for good), from {@value #SOURCE}. */
    void emitTransferCancelled(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.paused} at {@link Level#WARN} (stopped until resumed), from {@value #SOURCE}. */
    void emitTransferPaused(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.resumed} at {@link Level#INFO}, from {@value #SOURCE}. */
    void emitTransferResumed(DataTransferTransferPayload payload, Map<String, String> metadata);

    /** {@code data_transfer.transfer.deleted} at {@link Level#WARN}, from {@value #SOURCE}. */
    void emitTransferDeleted(DataTransferTransferPayload payload, Map<String, String> metadata);
}
