package io.stratastor.rodent.events.bench.load;

import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event the benchmarks emit, as this bundle sends it: a pool status change at WARN with a
 * realistic payload and 8 metadata strings. The harness's own fixture is kept equal to this one by
 * a test in bench/; this bundle cannot use it, being installed into a node. Immutable.
 */
public final class PoolFixture {
    public static final String EVENT_TYPE = EventTypes.STORAGE_POOL_STATUS_CHANGED;

    public static final Level LEVEL = Level.WARN;

    public static final StoragePoolPayload PAYLOAD = StoragePoolPayload.newBuilder()
            .setPoolName("tank")
            .setPoolState("DEGRADED")
            .setPoolGuid("15378362931251870402")
            .setTotalSize(96_000_000_000_000L)
            .setUsedSize(41_250_000_000_000L)
            .setAvailableSize(54_750_000_000_000L)
            .setHealthStatus("one or more devices are faulted; the pool continues in a degraded state")
            .addVdevs("raidz2-0")
            .addVdevs("raidz2-1")
            .build();

    public static final Map<String, String> METADATA = metadata();

    private PoolFixture() {
    }

    private static Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("node", "stor-node-07.dc1.example.net");
        metadata.put("pool", "tank");
        metadata.put("vdev", "raidz2-1");
        metadata.put("device", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4");
        metadata.put("job_id", "scrub-2026-11-27T03:00:00Z");
        metadata.put("request_id", "4f1c2d9e-7a55-4c1b-9d0e-2a6b8c3f1e77");
        metadata.put("user", "svc-zfs-monitor");
        metadata.put("previous_state", "ONLINE");
        return Map.copyOf(metadata);
    }

    /** The typed call the harness's bare pipeline makes too. */
    public static void emit(StorageEvents storage) {
        storage.emitPool(EVENT_TYPE, LEVEL, PAYLOAD, METADATA);
    }
}
