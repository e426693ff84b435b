package io.stratastor.rodent.events.api.storage;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import io.stratastor.rodent.events.proto.events.StorageTransferPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits storage events: one method per storage payload message. Registered as a DS service by
 * the storage bundle; thread-safe.
 *
 * <p>Every method takes a dotted event type of the storage category (an
 * {@code EventTypes.STORAGE_*} constant) whose payload message is the one the method takes,
 * and metadata (null means none). The methods without a {@code source} fill in the component
 * named on each; the overloads with one use it.
 *
 * <p>Run-time conditions (Toggle down, buffer full) never throw. Programming errors throw
 * {@link IllegalArgumentException} naming the problem: an unknown type, a type of another
 * category or with another payload message, a null payload, type or level.
 */
@ProviderType
public interface StorageEvents {

    /** Default source of pool events. */
    String POOL_SOURCE = "zfs-pool-manager";
    /** Default source of dataset and volume events. */
    String DATASET_SOURCE = "zfs-dataset-manager";
    /** Default source of snapshot events. */
    String SNAPSHOT_SOURCE = "zfs-snapshot-manager";
    /** Default source of transfer events. */
    String TRANSFER_SOURCE = "zfs-transfer-manager";

    /** A pool event ({@code storage.pool.*}), from {@value #POOL_SOURCE}. */
    void emitPool(String eventType, Level level, StoragePoolPayload payload, Map<String, String> metadata);

    /** A pool event from {@code source}. */
    void emitPool(String source, String eventType, Level level, StoragePoolPayload payload, Map<String, String> metadata);

    /** A dataset, volume or quota event, from {@value #DATASET_SOURCE}. */
    void emitDataset(String eventType, Level level, StorageDatasetPayload payload, Map<String, String> metadata);

    /** A dataset, volume or quota event from {@code source}. */
    void emitDataset(String source, String eventType, Level level, StorageDatasetPayload payload, Map<String, String> metadata);

    /** A snapshot event ({@code storage.snapshot.*}), from {@value #SNAPSHOT_SOURCE}. */
    void emitSnapshot(String eventType, Level level, StorageSnapshotPayload payload, Map<String, String> metadata);

    /** A snapshot event from {@code source}. */
    void emitSnapshot(String source, String eventType, Level level, StorageSnapshotPayload payload, Map<String, String> metadata);

    /** A transfer event ({@code storage.transfer.*}), from {@value #TRANSFER_SOURCE}. */
    void emitTransfer(String eventType, Level level, StorageTransferPayload payload, Map<String, String> metadata);

    /** A transfer event from {@code source}. */
    void emitTransfer(String source, String eventType, Level level, StorageTransferPayload payload, Map<String, String> metadata);

    /** A resilver event of the given type and level, from {@value #POOL_SOURCE}. */
    void emitPoolResilver(String eventType, Level level, StoragePoolResilverPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.pool.resilvered}, from {@value #POOL_SOURCE}, at {@link Level#INFO} when the
     * payload reports success and {@link Level#ERROR} when it does not.
     */
    void emitPoolResilver(StoragePoolResilverPayload payload, Map<String, String> metadata);
}
