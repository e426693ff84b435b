package io.stratastor.rodent.events.bench;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.api.spi.EventPublisher;
import io.stratastor.rodent.events.api.storage.StorageEvents;
import io.stratastor.rodent.events.core.impl.pipeline.EventPipeline;
import io.stratastor.rodent.events.core.impl.pipeline.NodePipeline;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.spool.FileSpool;
import io.stratastor.rodent.events.core.impl.transport.GrpcToggleTransport;
import io.stratastor.rodent.events.core.impl.transport.SendResult;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.core.impl.wire.EncodedBatch;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.shell.impl.RecentEvents;
import io.stratastor.rodent.events.storage.impl.StorageEventsComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A node's pipeline as the core wires it — FileSpool, gRPC transport, dead-letter files — and the
 * shell's tail as a tap, as the node ships; without OSGi, behind the storage category's typed
 * emitter. Counts the serialized bytes of every batch sent. Thread-safe as the pipeline is.
 */
final class BenchNode implements AutoCloseable {
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();

    final EventPipeline pipeline;
    final StorageEvents storage;
    final Path directory;
    final LongAdder wireBytes;
    final LongAdder wireEvents;

    private final NodePipeline node;

    private BenchNode(NodePipeline node, Path directory, LongAdder wireBytes, LongAdder wireEvents) {
        this.node = node;
        this.wireBytes = wireBytes;
        this.wireEvents = wireEvents;
        this.pipeline = node.pipeline();
        this.directory = directory;
        this.storage = new StorageEventsComponent(publisher(pipeline));
    }

    /** Settings of the harness: the high-throughput profile (batch_size 500), a spool far larger than any run. */
    static SettingsBuilder settings(Path directory, int batchSize) {
        return new SettingsBuilder().profile("high-throughput").batchSize(batchSize).batchTimeoutSeconds(0.2)
                .retryBackoffBaseSeconds(0.05).retryBackoffMaxSeconds(0.5).shutdownTimeoutSeconds(5)
                .spoolDirectory(directory.toString()).spoolCapacity(16L << 30);
    }

    static BenchNode start(SettingsBuilder builder) {
        Settings settings = builder.build();
        Path directory = Path.of(settings.spoolDirectory());
        LongAdder wireBytes = new LongAdder();
        LongAdder wireEvents = new LongAdder();
        NodePipeline node = NodePipeline.builder(settings, directory).catalog(CATALOG)
                .transports(toggle -> counting(toggle, wireBytes, wireEvents)).start();
        // As the node ships: the shell's tail (events:tail) is a tap on every accepted event.
        node.pipeline().encodedTaps(List.of(new RecentEvents(RecentEvents.DEFAULT_TAIL_SIZE)));
        return new BenchNode(node, directory, wireBytes, wireEvents);
    }

    private static ToggleTransport counting(ToggleSettings toggle, LongAdder wireBytes, LongAdder wireEvents) {
        GrpcToggleTransport transport = new GrpcToggleTransport(toggle);
        return new ToggleTransport() {
            @Override
            public CompletableFuture<SendResult> send(EncodedBatch batch, String token, Duration deadline) {
                wireBytes.add(batch.size());
                wireEvents.add(batch.events());
                return transport.send(batch, token, deadline);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }

    static EventPublisher publisher(EventPipeline pipeline) {
        return new EventPublisher() {
            @Override
            public void publish(Category category, String eventType, Level level, String source, Message payload,
                    Map<String, String> metadata) {
                pipeline.publish(category, eventType, level, source, payload, metadata);
            }

            @Override
            public void publishLegacy(Category category, String eventType, Level level, String source, Message payload,
                    Map<String, String> metadata) {
                pipeline.publishLegacy(category, eventType, level, source, payload, metadata);
            }
        };
    }

    /** One typed emit of the fixture event. */
    void emitOne() {
        Fixtures.emit(storage);
    }

    long stat(String key) {
        Object value = pipeline.stats().get(key);
        return value instanceof Number ? ((Number) value).longValue() : -1;
    }

    @Override
    public void close() {
        node.close();
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
