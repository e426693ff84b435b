package io.stratastor.rodent.events.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.stratastor.rodent.events.core.impl.shipping.InFlightWindow;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.core.impl.wire.Generation;
import io.stratastor.rodent.events.core.impl.wire.GoJson;
import io.stratastor.rodent.events.core.impl.wire.WireEncoders;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The physical limits a target of issue 14 is held against, measured on the machine that runs the
 * pipeline's benchmarks: protobuf's and a general-purpose JSON writer's rate for the fixture event,
 * memory bandwidth for a batch, the loopback gRPC ceiling with the shipper's window of calls in
 * flight, and the latency of a durable write on the spool's file system. Each benchmark is one
 * thread; per event of {@link Fixtures}, or per batch of {@value PipelineBenchmarks#BATCH} where
 * its javadoc says so. {@code Report} turns each into events (or writes) per second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class LimitBenchmarks {
    /** A batch of 500 events of 650 B, the fixture's size on the wire in 2025-09. */
    static final int BATCH_BYTES = PipelineBenchmarks.BATCH * 650;
    /** One page of the file system, and of the memory map. */
    static final int PAGE = 4096;

    /** The fixture's envelope, as a message and as its bytes. */
    @State(Scope.Thread)
    public static class Envelope {
        Event event;
        byte[] bytes;

        @Setup(Level.Trial)
        public void build() {
            event = Fixtures.envelope();
            bytes = event.toByteArray();
        }
    }

    /** protobuf-java-util's printer, compact and with the proto field names, as Go's keys are. */
    @State(Scope.Benchmark)
    public static class Printer {
        final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace().preservingProtoFieldNames();
    }

    /** A batch's worth of bytes and the array it is copied into. */
    @State(Scope.Thread)
    public static class Copy {
        final byte[] source = new byte[BATCH_BYTES];
        final byte[] target = new byte[BATCH_BYTES];

        @Setup(Level.Trial)
        public void fill() {
            Arrays.fill(source, (byte) 0x5a);
        }
    }

    /**
     * A counting reference Toggle on loopback, the node's transport to it, and one batch of
     * {@value PipelineBenchmarks#BATCH} fixture events encoded once in 2025-09, as the shipper sends it.
     */
    @State(Scope.Benchmark)
    public static class Loopback {
        LoopbackToggle toggle;
        EncodedBatch batch;

        @Setup(Level.Trial)
        public void start() throws IOException {
            byte[] stored = Fixtures.envelope().toByteArray();
            List<ByteBuffer> records = new ArrayList<>(PipelineBenchmarks.BATCH);
            for (int i = 0; i < PipelineBenchmarks.BATCH; i++) {
                records.add(ByteBuffer.wrap(stored));
            }
            batch = EncodedBatch.encode(records, System.currentTimeMillis(), "0193a3c2-0000-7000-8000-000000000000",
                    new WireEncoders(EventCatalog.fromSchema()).of(Generation.V2025_09)).batch();
            toggle = LoopbackToggle.start(InFlightWindow.MAX_IN_FLIGHT);
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            try {
                toggle.drain();
            } finally {
                toggle.close();
            }
        }
    }

    /** One page of a file in a temporary directory under {@code bench.dir}, open for writing and mapped; deleted after the trial. */
    @State(Scope.Thread)
    public static class DurableFile {
        Path directory;
        FileChannel channel;
        MappedByteBuffer mapped;
        final ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
        long writes;

        @Setup(Level.Trial)
        public void open() throws IOException {
            Path parent = Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath();
            Files.createDirectories(parent);
            directory = Files.createTempDirectory(parent, "jmh-limits-");
            channel = FileChannel.open(directory.resolve("page"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // Allocated and on disk before the first measured write: each write then changes data, never the file's size.
            channel.write(page, 0);
            channel.force(true);
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, PAGE);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            BenchNode.delete(directory);
        }
    }

    /** protobuf-java's serialization rate per core: the fixture's envelope by the generated {@code toByteArray()}. Per event. */
    @Benchmark
    public byte[] protobufSerializeEnvelope(Envelope envelope) {
        return envelope.event.toByteArray();
    }

    /** protobuf-java's parse rate per core: the fixture's envelope by the generated {@code Event.parseFrom}. Per event. */
    @Benchmark
    public Event protobufParseEnvelope(Envelope envelope) throws InvalidProtocolBufferException {
        return Event.parseFrom(envelope.bytes);
    }

    /** A general-purpose JSON writer's rate per core: the fixture's payload by protobuf-java-util's {@code JsonFormat}. Per event. */
    @Benchmark
    public String jsonPayload(Printer printer) throws InvalidProtocolBufferException {
        return printer.printer.print(Fixtures.PAYLOAD);
    }

    /** The project's Go-JSON writer for the same payload from the message ({@code GoJson.text}), for comparison. Per event. */
    @Benchmark
    public String goJsonPayload() {
        return GoJson.text(Fixtures.PAYLOAD);
    }

    /** Memory bandwidth per core: {@code System.arraycopy} of {@value #BATCH_BYTES} bytes, a batch on the wire. Per batch. */
    @Benchmark
    public byte[] memcpyBatch(Copy copy) {
        System.arraycopy(copy.source, 0, copy.target, 0, BATCH_BYTES);
        return copy.target;
    }

    /**
     * The loopback gRPC ceiling: one batch of {@value PipelineBenchmarks#BATCH} sent to the counting
     * Toggle by the node's transport with {@value InFlightWindow#MAX_IN_FLIGHT} calls in flight.
     * Each op waits for a free place in the window, then sends; in steady state an op lasts as long
     * as it takes one batch to be delivered with the window full. The client's event loop and
     * executor and the server run on threads of their own, so this is the ceiling of the machine's
     * cores together, not of one. Per batch.
     */
    @Benchmark
    public void grpcLoopbackBatch(Loopback loopback) throws InterruptedException {
        loopback.toggle.send(loopback.batch);
    }

    /** The durable-write latency of the spool's file system: 4 KiB written over the same page of a file, then {@code force(false)}. Per write. */
    @Benchmark
    public long fsync4k(DurableFile file) throws IOException {
        file.page.clear();
        file.page.putLong(0, ++file.writes);
        file.channel.write(file.page, 0);
        file.channel.force(false);
        return file.writes;
    }

    /** The same for a memory map, as the spool writes: one page of the map changed, then {@code MappedByteBuffer.force()}. Per write. */
    @Benchmark
    public long msyncMapped(DurableFile file) {
        file.mapped.putLong(0, ++file.writes);
        file.mapped.force();
        return file.writes;
    }
}
