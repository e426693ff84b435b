package io.stratastor.rodent.events.api.storage;

import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.StorageDatasetPayload;
import io.stratastor.rodent.events.proto.events.StorageDiskPayload;
import io.stratastor.rodent.events.proto.events.StorageDiskProbePayload;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import io.stratastor.rodent.events.proto.events.StorageSnapshotPayload;
import io.stratastor.rodent.events.proto.events.StorageTransferPayload;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Emits storage events: one method per storage payload message, and a fixed-type method for each
 * type whose payload message is its own or that has a level of its own. Registered as a DS service by
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
    /**
     * Default source of disk events.
     *
     * @since 1.1
     */
    String DISK_SOURCE = "rodent.disk-manager";
    /**
     * Default source of disk probe events.
     *
     * @since 1.1
     */
    String DISK_PROBE_SOURCE = "rodent.disk-manager.probe";

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

    /**
     * {@code storage.pool.expanded} at {@link Level#INFO}, from {@value #POOL_SOURCE}.
     *
     * @since 1.1
     */
    void emitPoolExpanded(StoragePoolPayload payload, Map<String, String> metadata);

    /**
     * A disk event ({@code storage.disk.*}), from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDisk(String eventType, Level level, StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * A disk event from {@code source}.
     *
     * @since 1.1
     */
    void emitDisk(String source, String eventType, Level level, StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.discovered} at {@link Level#INFO}, from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskDiscovered(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.removed} at {@link Level#WARN}, from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskRemoved(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.state_changed} at {@link Level#ERROR} when the payload's state is {@code FAULTED}, {@link Level#WARN} when it is {@code DEGRADED} and {@link Level#INFO} otherwise (case ignored), from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskStateChanged(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.health_changed} at {@link Level#CRITICAL} when the payload's health is {@code CRITICAL} or {@code FAILED}, {@link Level#WARN} when it is {@code WARNING} and {@link Level#INFO} otherwise (case ignored), from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskHealthChanged(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.added_to_pool} at {@link Level#INFO}, from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskAddedToPool(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.removed_from_pool} at {@link Level#WARN}, from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskRemovedFromPool(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.validated} at {@link Level#INFO}, from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskValidated(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk.quarantined} at {@link Level#ERROR} (the disk failed its checks and is kept out of use), from {@value #DISK_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskQuarantined(StorageDiskPayload payload, Map<String, String> metadata);

    /**
     * A disk probe event ({@code storage.disk_probe.*}), from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbe(String eventType, Level level, StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * A disk probe event from {@code source}.
     *
     * @since 1.1
     */
    void emitDiskProbe(String source, String eventType, Level level, StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.scheduled} at {@link Level#INFO}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeScheduled(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.started} at {@link Level#INFO}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeStarted(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.progress} at {@link Level#INFO}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeProgress(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.completed} at {@link Level#ERROR} when the payload's status is {@code failed} (case ignored) and {@link Level#INFO} otherwise, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeCompleted(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.failed} at {@link Level#ERROR}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeFailed(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.cancelled} at {@link Level#WARN}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeCancelled(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.conflicted} at {@link Level#WARN} (another probe holds the disk; see {@code conflict_reason}), from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeConflicted(StorageDiskProbePayload payload, Map<String, String> metadata);

    /**
     * {@code storage.disk_probe.timeout} at {@link Level#ERROR}, from {@value #DISK_PROBE_SOURCE}.
     *
     * @since 1.1
     */
    void emitDiskProbeTimeout(StorageDiskProbePayload payload, Map<String, String> metadata);
}
