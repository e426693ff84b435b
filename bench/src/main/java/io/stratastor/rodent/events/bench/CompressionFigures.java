package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.EnvelopeFactory;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * {@code toggle.compression} none against gzip, per event: the bytes of a batch as gRPC frames it
 * (5 bytes of prefix and the message, compressed or not) and the CPU the node spends encoding the
 * batch and, with gzip, compressing it as gRPC's gzip codec does (the JDK's GZIPOutputStream at its
 * default level). CPU is the thread's own CPU time, so a busy machine changes it less than wall time.
 * One batch of {@value #BATCH} fixture events whose pools, states and request ids vary, so that
 * gzip does not see one event 500 times. Prints a Markdown table.
 */
public final class CompressionFigures {
    static final int BATCH = 500;
    private static final int ROUNDS = 2_000;
    private static final int GRPC_PREFIX = 5;

    private CompressionFigures() {
    }

    public static void main(String[] args) throws IOException {
        List<ByteBuffer> records = records();
        WireEncoders encoders = new WireEncoders(EventCatalog.fromSchema());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println("| generation | compression | bytes per event on the wire | CPU per event, encode | CPU per event, compress | CPU per event, both |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (Generation generation : List.of(Generation.V2025_09, Generation.V2025_12)) {
            byte[] batch = encode(records, encoders, generation);
            byte[] gzipped = gzip(batch);
            for (int warm = 0; warm < ROUNDS / 4; warm++) {
                gzip(encode(records, encoders, generation));
            }
            long start = cpu.getCurrentThreadCpuTime();
            for (int round = 0; round < ROUNDS; round++) {
                encode(records, encoders, generation);
            }
            double encodeNs = (cpu.getCurrentThreadCpuTime() - start) / (double) ROUNDS / BATCH;
            start = cpu.getCurrentThreadCpuTime();
            for (int round = 0; round < ROUNDS; round++) {
                gzip(batch);
            }
            double gzipNs = (cpu.getCurrentThreadCpuTime() - start) / (double) ROUNDS / BATCH;
            System.out.printf("| %s | none | %.1f | %.0f ns | - | %.0f ns |%n", generation.label(),
                    (batch.length + GRPC_PREFIX) / (double) BATCH, encodeNs, encodeNs);
            System.out.printf("| %s | gzip | %.1f (%.0f %%) | %.0f ns | %.0f ns | %.0f ns |%n", generation.label(),
                    (gzipped.length + GRPC_PREFIX) / (double) BATCH, 100.0 * gzipped.length / batch.length, encodeNs, gzipNs,
                    encodeNs + gzipNs);
        }
    }

    private static byte[] encode(List<ByteBuffer> records, WireEncoders encoders, Generation generation) {
        List<ByteBuffer> fresh = new ArrayList<>(records.size());
        for (ByteBuffer record : records) {
            fresh.add(record.duplicate());
        }
        return EncodedBatch.encode(fresh, System.currentTimeMillis(), "0193a3c2-0000-7000-8000-000000000000",
                encoders.of(generation)).batch().bytes();
    }

    private static byte[] gzip(byte[] message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(message);
        }
        return out.toByteArray();
    }

    private static List<ByteBuffer> records() {
        EnvelopeFactory envelopes = new EnvelopeFactory(Clock.systemUTC());
        String[] states = {"ONLINE", "DEGRADED", "FAULTED", "ONLINE", "RESILVERING"};
        List<ByteBuffer> records = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Map<String, String> metadata = new LinkedHashMap<>(Fixtures.METADATA);
            metadata.put("pool", "tank" + i % 7);
            metadata.put("request_id", java.util.UUID.nameUUIDFromBytes(Integer.toString(i).getBytes()).toString());
            var payload = Fixtures.PAYLOAD.toBuilder().setPoolName("tank" + i % 7).setPoolState(states[i % states.length])
                    .setUsedSize(41_250_000_000_000L + i * 1_048_576L).setAvailableSize(54_750_000_000_000L - i * 1_048_576L).build();
            EnvelopeFactory.Encoded encoded = envelopes.encode(Category.STORAGE, Fixtures.EVENT_TYPE, Level.WARN,
                    StorageEvents.POOL_SOURCE, payload, metadata);
            byte[] copy = java.util.Arrays.copyOf(encoded.bytes(), encoded.length());
            records.add(ByteBuffer.wrap(copy));
        }
        return records;
    }
}
