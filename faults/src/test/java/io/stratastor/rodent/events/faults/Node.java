package io.stratastor.rodent.events.faults;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.pipeline.EventPipeline;
import io.stratastor.rodent.events.core.impl.pipeline.NodePipeline;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import io.stratastor.rodent.events.proto.events.StoragePoolPayload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A node's pipeline as the core wires it — durable spool, gRPC transport, dead-letter files —
 * without OSGi, for fault scenarios. Each event carries its sequence number in metadata
 * {@value #SEQ}, so the Toggle side can tell exactly what arrived. Thread-safe as the pipeline is.
 */
final class Node implements AutoCloseable {
    static final String SEQ = "seq";
    /** The metadata key of the node id a fleet's nodes put on their events. */
    static final String NODE = "node";
    private static final EventCatalog CATALOG = EventCatalog.fromSchema();

    private final NodePipeline node;
    private final EventPipeline pipeline;

    private Node(NodePipeline node) {
        this.node = node;
        this.pipeline = node.pipeline();
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
        return new Node(NodePipeline.builder(built, Path.of(built.spoolDirectory())).catalog(CATALOG).start());
    }

    void emit(long seq, Level level) {
        publish(level, seq, Map.of(SEQ, Long.toString(seq)));
    }

    /** Emits event {@code seq} of node {@code nodeId}, both in metadata, so that each node's events can be told apart. */
    void emitAs(String nodeId, long seq) {
        publish(Level.INFO, seq, Map.of(SEQ, Long.toString(seq), NODE, nodeId));
    }

    private void publish(Level level, long seq, Map<String, String> metadata) {
        pipeline.publish(Category.STORAGE, EventTypes.STORAGE_POOL_STATUS_CHANGED, level, "fault-suite",
                StoragePoolPayload.newBuilder().setPoolName("tank").setPoolState("event " + seq).build(), metadata);
    }

    /** Sends every dead letter again, as the core's DeadLetterQueue does. */
    int resendDeadLetters() {
        return node.resendAll();
    }

    int deadLetterCount() {
        return node.deadLetters().list().size();
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
        node.close();
    }
}
