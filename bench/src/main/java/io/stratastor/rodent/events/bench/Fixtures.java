package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.core.impl.wire.EnvelopeFactory;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event every benchmark emits: a pool status change with a realistic payload and 8 metadata strings. Immutable. */
final class Fixtures {
    static final String EVENT_TYPE = EventTypes.STORAGE_POOL_STATUS_CHANGED;

    static final StoragePoolPayload PAYLOAD = StoragePoolPayload.newBuilder()
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

    static final Map<String, String> METADATA = metadata();

    private Fixtures() {
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

    /** The typed call every benchmark and the harness make. */
    static void emit(StorageEvents storage) {
        storage.emitPool(EVENT_TYPE, Level.WARN, PAYLOAD, METADATA);
    }

    /** The envelope the pipeline builds for the fixture event. */
    static Event envelope(EnvelopeFactory envelopes) {
        return envelopes.envelope(Category.STORAGE, EVENT_TYPE, Level.WARN, StorageEvents.POOL_SOURCE, PAYLOAD, METADATA);
    }

    /** The fixture event's envelope as the emit path encodes it. */
    static EnvelopeFactory.Encoded encode(EnvelopeFactory envelopes) {
        return envelopes.encode(Category.STORAGE, EVENT_TYPE, Level.WARN, StorageEvents.POOL_SOURCE, PAYLOAD, METADATA);
    }

    static Event envelope() {
        return envelope(new EnvelopeFactory(Clock.systemUTC()));
    }

    /**
     * The fixture event as one line of a Gogo script for the shell's {@code events:emit}: the same type,
     * level, payload (as JSON with the proto field names) and metadata, {@code count} times.
     */
    static String emitCommand(long count) {
        StringBuilder line = new StringBuilder("events:emit ").append(EVENT_TYPE).append(" --level warn --payload '")
                .append(payloadJson()).append("'");
        METADATA.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> line.append(" --meta '").append(entry.getKey()).append('=').append(entry.getValue()).append('\''));
        return line.append(" --count ").append(count).toString();
    }

    private static String payloadJson() {
        return "{\"pool_name\": \"" + PAYLOAD.getPoolName() + "\", \"pool_state\": \"" + PAYLOAD.getPoolState()
                + "\", \"pool_guid\": \"" + PAYLOAD.getPoolGuid() + "\", \"total_size\": " + PAYLOAD.getTotalSize()
                + ", \"used_size\": " + PAYLOAD.getUsedSize() + ", \"available_size\": " + PAYLOAD.getAvailableSize()
                + ", \"health_status\": \"" + PAYLOAD.getHealthStatus() + "\", \"vdevs\": [\"" + String.join("\", \"", PAYLOAD.getVdevsList())
                + "\"]}";
    }

    /** The peer's body: the same payload fields as text, about the size of the encoded payload. */
    static String peerBody() {
        return "pool tank DEGRADED guid 15378362931251870402 total 96000000000000 used 41250000000000 available 54750000000000 "
                + PAYLOAD.getHealthStatus() + " vdevs raidz2-0,raidz2-1";
    }
}
