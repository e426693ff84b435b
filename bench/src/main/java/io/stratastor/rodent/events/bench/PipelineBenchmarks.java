package io.stratastor.rodent.events.bench;

import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.spool.FileSpool;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.EnvelopeFactory;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emit path piece by piece (issue 6): (a) the typed emit end to end into the durable spool,
 * (b) envelope and serialization, (c) spool append alone and read alone, (d) batch assembly.
 * Each spool lives in a temporary directory on disk and is deleted after each iteration; Toggle is
 * not configured, so nothing is shipped.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class PipelineBenchmarks {
    static final int BATCH = 500;

    static SettingsBuilder spoolSettings(Path directory) {
        // interval is the default fsync policy; a 16 GiB capacity keeps an iteration from ever filling it.
        return new SettingsBuilder().profile("high-throughput").batchSize(BATCH).spoolDirectory(directory.toString())
                .spoolCapacity(16L << 30);
    }

    /** (a) A node without Toggle: a fresh spool every iteration. */
    @State(Scope.Benchmark)
    public static class Node {
        BenchNode node;
        Path directory;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "jmh-node-");
            node = BenchNode.start(spoolSettings(directory));
        }

        @TearDown(Level.Iteration)
        public void close() {
            node.close();
            BenchNode.delete(directory);
        }
    }

    /** A bare spool, fresh every iteration; {@link #filled} events are appended before it is measured. */
    @State(Scope.Benchmark)
    public static class Spool {
        FileSpool spool;
        Path directory;
        Event event;

        int filled() {
            return 0;
        }

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath(), "jmh-spool-");
            Settings settings = spoolSettings(directory).build();
            spool = FileSpool.open(directory, settings.spool());
            event = Fixtures.envelope();
            for (int i = 0; i < filled(); i++) {
                spool.append(event);
            }
        }

        @TearDown(Level.Iteration)
        public void close() {
            spool.close();
            BenchNode.delete(directory);
        }
    }

    /** A spool holding one batch, never removed: every read parses the same records. */
    @State(Scope.Benchmark)
    public static class OneBatch extends Spool {
        @Override
        int filled() {
            return BATCH;
        }
    }

    /** A spool holding enough batches for one single-shot iteration of {@link #readAndRemove}. */
    @State(Scope.Benchmark)
    public static class Backlog extends Spool {
        @Override
        int filled() {
            return READS * BATCH;
        }
    }

    static final int READS = 400;

    @State(Scope.Thread)
    public static class Envelopes {
        final EnvelopeFactory factory = new EnvelopeFactory(Clock.systemUTC());
    }

    /** (a) StorageEvents.emitPool → validation → envelope → FileSpool.append. */
    @Benchmark
    public void typedEmitIntoSpool(Node node) {
        Fixtures.emit(node.node.storage);
    }

    /** (a) The same with two emitting threads, as the harness's producers. */
    @Benchmark
    @org.openjdk.jmh.annotations.Threads(2)
    public void typedEmitIntoSpoolTwoThreads(Node node) {
        Fixtures.emit(node.node.storage);
    }

    /** (b) The envelope (UUIDv7, payload encoded) encoded into the bytes the spool writes, as the emit path does it. */
    @Benchmark
    public EnvelopeFactory.Encoded envelopeAndSerialize(Envelopes envelopes) {
        return Fixtures.encode(envelopes.factory);
    }

    /** (c) FileSpool.append of a ready envelope alone. */
    @Benchmark
    public int spoolAppend(Spool spool) {
        return spool.spool.append(spool.event);
    }

    /** (c) Read alone: the shipper's read of one batch of {@value #BATCH} (CRC and wire check of every record, a view of each), nothing removed. Per batch. */
    @Benchmark
    public List<ByteBuffer> spoolPeekBatch(OneBatch spool) {
        return spool.spool.peekEncoded(0, BATCH, Long.MAX_VALUE);
    }

    /**
     * (c) Read and acknowledge: {@value #READS} × (peek {@value #BATCH} + remove {@value #BATCH}) through a
     * backlog of {@value #READS}×{@value #BATCH} events. Single shot: the score is the whole walk.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    public int readAndRemove(Backlog spool) {
        int read = 0;
        for (int i = 0; i < READS; i++) {
            read += spool.spool.peekEncoded(0, BATCH, Long.MAX_VALUE).size();
            spool.spool.remove(BATCH);
        }
        return read;
    }

    /** (d) Batch assembly as the shipper does it: read of {@value #BATCH} records, then their bytes spliced into one EventBatch. Per batch. */
    @Benchmark
    public EncodedBatch batchAssembly(OneBatch spool) {
        List<ByteBuffer> events = spool.spool.peekEncoded(0, BATCH, 3L << 20);
        return EncodedBatch.assemble(events, System.currentTimeMillis(), "0193a3c2-0000-7000-8000-000000000000");
    }

    /** The catalogue's encoders, one per schema generation. */
    @State(Scope.Benchmark)
    public static class Encoders {
        final WireEncoders encoders = new WireEncoders(EventCatalog.fromSchema());
    }

    /**
     * A thread's batch assembler, reused batch after batch as the shipper reuses its own: each batch is
     * released once encoded, as the shipper releases it once Toggle has it, so its buffer carries the next.
     */
    @State(Scope.Thread)
    public static class Assemblers {
        final EncodedBatch.Assembler assembler = new EncodedBatch.Assembler(1);

        EncodedBatch encode(List<ByteBuffer> events, Generation generation, Encoders encoders) {
            EncodedBatch batch = assembler.encode(events, System.currentTimeMillis(), "0193a3c2-0000-7000-8000-000000000000",
                    encoders.encoders.of(generation)).batch();
            assembler.release(batch);
            return batch;
        }
    }

    /**
     * (d) One batch of {@value #BATCH} stored records encoded in generation 2025-09 as the shipper sends it:
     * each record's payload decoded and written as Go's JSON, fields 1–8 written again. Per batch.
     */
    @Benchmark
    public EncodedBatch batchEncode2025_09(OneBatch spool, Encoders encoders, Assemblers assemblers) {
        List<ByteBuffer> events = spool.spool.peekEncoded(0, BATCH, 3L << 20);
        return assemblers.encode(events, Generation.V2025_09, encoders);
    }

    /** (d) The same batch in generation 2025-12: the type's wrapper, case and operation, values placed or carried. Per batch. */
    @Benchmark
    public EncodedBatch batchEncode2025_12(OneBatch spool, Encoders encoders, Assemblers assemblers) {
        List<ByteBuffer> events = spool.spool.peekEncoded(0, BATCH, 3L << 20);
        return assemblers.encode(events, Generation.V2025_12, encoders);
    }
}
