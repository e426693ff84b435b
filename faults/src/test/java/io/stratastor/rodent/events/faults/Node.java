package io.stratastor.rodent.events.faults;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.pipeline.EventPipeline;
import io.stratastor.rodent.events.core.impl.pipeline.FileDeadLetters;
import io.stratastor.rodent.events.core.impl.pipeline.Settings;
import io.stratastor.rodent.events.core.impl.pipeline.SettingsBuilder;
import io.stratastor.rodent.events.core.impl.spool.FileSpool;
import io.stratastor.rodent.events.core.impl.transport.GrpcToggleTransport;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A node's pipeline as the core wires it — durable spool, gRPC transport, dead-letter files —
 * without OSGi, for fault scenarios. Each event carries its sequence number in metadata
 * {@value #SEQ}, so the Toggle side can tell exactly what arrived. Thread-safe as the pipeline is.
 */
final class Node implements AutoCloseable {
    static final String SEQ = "seq";
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();

    private final EventPipeline pipeline;
    private final FileDeadLetters deadLetters;

    private Node(EventPipeline pipeline, FileDeadLetters deadLetters) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    /** Settings every scenario starts from: small batches, short timeouts and backoff. */
    static SettingsBuilder baseSettings(Path dir) {
        return new SettingsBuilder().batchSize(200).batchTimeoutSeconds(0.2).retryBackoffBaseSeconds(0.05)
                .retryBackoffMaxSeconds(0.5).shutdownTimeoutSeconds(2).spoolDirectory(dir.toString()).fsyncPolicy("none");
    }

    static SettingsBuilder toToggle(SettingsBuilder settings, int port, String token) {
        return settings.toggleAddress("127.0.0.1:" + port).toggleJwt(token);
    }

    /** The same, shipping in schema generation {@code schema}. */
    static SettingsBuilder toToggle(SettingsBuilder settings, int port, String token, String schema) {
        return toToggle(settings, port, token).toggleSchema(schema);
    }

    static Node start(SettingsBuilder settings) {
        Settings built = settings.build();
        FileSpool spool;
        try {
            spool = FileSpool.open(Path.of(built.spoolDirectory()), built.spool());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileDeadLetters deadLetters = new FileDeadLetters(Path.of(built.spoolDirectory()).resolve("dead-letters"));
        EventPipeline pipeline = new EventPipeline(built, CATALOG, spool, Clock.systemUTC(), new SecureRandom(),
                GrpcToggleTransport::new, deadLetters);
        pipeline.start();
        return new Node(pipeline, deadLetters);
    }

    void emit(long seq, Level level) {
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_STATUS_CHANGED, level, "fault-suite",
                StoragePoolPayload.newBuilder().setPoolName("tank").setPoolState("event " + seq).build(), Map.of(SEQ, Long.toString(seq)));
    }

    /** Sends every dead letter again, as the core's DeadLetterQueue does. */
    int resendDeadLetters() {
        int queued = 0;
        for (var letter : deadLetters.list()) {
            queued += deadLetters.resend(letter.batchId(), pipeline::requeue);
        }
        return queued;
    }

    int deadLetterCount() {
        return deadLetters.list().size();
    }

    void reconfigure(SettingsBuilder settings) {
        pipeline.reconfigure(settings.build());
    }

    boolean flush(Duration timeout) throws InterruptedException {
        return pipeline.flush(timeout);
    }

    Map<String, Object> stats() {
        return pipeline.stats();
    }

    long stat(String key) {
        return ((Number) stats().getOrDefault(key, 0)).longValue();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
