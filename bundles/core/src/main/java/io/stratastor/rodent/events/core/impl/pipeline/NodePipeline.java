package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.core.impl.settings.Settings;
import io.stratastor.rodent.events.core.impl.settings.ToggleSettings;
import io.stratastor.rodent.events.core.impl.spool.FileSpool;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.core.impl.store.FileDeadLetters;
import io.stratastor.rodent.events.core.impl.store.MemoryEventStore;
import io.stratastor.rodent.events.core.impl.transport.GrpcToggleTransport;
import io.stratastor.rodent.events.core.impl.transport.ToggleTransport;
import io.stratastor.rodent.events.proto.events.EventCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's pipeline wired as it ships: the durable spool in a directory, dead-letter files in its
 * {@code dead-letters/}, the gRPC transport. The one wiring the OSGi component, the fault suite
 * and the benchmarks share; each changes only what it must (the bench counts wire bytes through
 * its own transport). Thread-safe as the pipeline is.
 */
public final class NodePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodePipeline.class);

    private final EventPipeline pipeline;
    private final FileDeadLetters deadLetters;

    private NodePipeline(EventPipeline pipeline, FileDeadLetters deadLetters) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
    }

    /** The wiring for {@code settings}, its spool in {@code spoolDirectory}. */
    public static Builder builder(Settings settings, Path spoolDirectory) {
        return new Builder(settings, spoolDirectory);
    }

    public EventPipeline pipeline() {
        return pipeline;
    }

    public FileDeadLetters deadLetters() {
        return deadLetters;
    }

    /** Puts a dead letter's events back into the store; see {@code DeadLetterQueue.resend}. */
    public int resend(String batchId) {
        return deadLetters.resend(batchId, pipeline::requeue);
    }

    /** Every dead letter, oldest first; see {@code DeadLetterQueue.resendAll}. */
    public int resendAll() {
        int queued = 0;
        for (DeadLetter letter : deadLetters.list()) {
            queued += resend(letter.batchId());
        }
        return queued;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /** Not thread-safe; used once. */
    public static final class Builder {
        private final Settings settings;
        private final Path spoolDirectory;
        private EventCatalog catalog;
        private Clock clock = Clock.systemUTC();
        private Random random;
        private Function<ToggleSettings, ToggleTransport> transports = GrpcToggleTransport::new;
        private boolean memoryFallback;

        private Builder(Settings settings, Path spoolDirectory) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.spoolDirectory = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        }

        public Builder catalog(EventCatalog value) {
            catalog = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder random(Random value) {
            random = value;
            return this;
        }

        public Builder transports(Function<ToggleSettings, ToggleTransport> value) {
            transports = value;
            return this;
        }

        /**
         * Whether a spool that cannot open leaves the node keeping events in memory (the component:
         * a spool must not take the node down) rather than failing {@link #start()} (tests of the spool).
         */
        public Builder memoryFallback(boolean value) {
            memoryFallback = value;
            return this;
        }

        /** Opens the store and starts the pipeline. */
        public NodePipeline start() {
            EventCatalog schema = catalog != null ? catalog : EventCatalog.fromSchema();
            FileDeadLetters deadLetters = new FileDeadLetters(spoolDirectory.resolve("dead-letters"));
            EventPipeline pipeline = new EventPipeline(settings, schema, openStore(), clock,
                    random != null ? random : new SecureRandom(), transports, deadLetters);
            pipeline.start();
            return new NodePipeline(pipeline, deadLetters);
        }

        private EventStore openStore() {
            try {
                FileSafety.checkSpoolDirectory(spoolDirectory);
                return FileSpool.open(spoolDirectory, settings.spool());
            } catch (IOException | RuntimeException e) {
                if (!memoryFallback) {
                    throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                }
                LOG.error("Cannot open the spool in {} ({}); keeping events IN MEMORY ONLY until the core restarts with a usable spool",
                        spoolDirectory, e.toString());
                return new MemoryEventStore(settings.bufferSize());
            }
        }
    }
}
