package io.stratastor.rodent.events.core.impl.pipeline;

import io.stratastor.rodent.events.proto.EventBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each batch Toggle refused for good as a file of its own in a dead-letter directory —
 * {@code <batch_id>.batch} (the {@code EventBatch} as sent) and {@code <batch_id>.reason}
 * (Toggle's message) — so an operator can read it and send it again once the cause is fixed.
 * Each refusal is logged once. A write failure is logged and counted, never thrown. Thread-safe.
 */
public final class FileDeadLetters implements DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(FileDeadLetters.class);
    static final String BATCH_SUFFIX = ".batch";
    static final String REASON_SUFFIX = ".reason";

    private final Path directory;
    private final AtomicLong writeFailures = new AtomicLong();

    public FileDeadLetters(Path directory) {
        this.directory = directory;
    }

    @Override
    public void add(EventBatch batch, String reason) {
        LOG.warn("Toggle refused batch {} of {} events for good ({}); kept in {}", batch.getBatchId(), batch.getEventsCount(),
                reason, directory);
        try {
            Files.createDirectories(directory);
            String name = safeName(batch.getBatchId());
            write(directory.resolve(name + REASON_SUFFIX), reason.getBytes(StandardCharsets.UTF_8));
            write(directory.resolve(name + BATCH_SUFFIX), batch.toByteArray());
        } catch (IOException | RuntimeException e) {
            writeFailures.incrementAndGet();
            LOG.error("Cannot keep refused batch {} in {}: {}", batch.getBatchId(), directory, e.toString());
        }
    }

    /** Dead letters that could not be written. */
    public long writeFailures() {
        return writeFailures.get();
    }

    public Path directory() {
        return directory;
    }

    // Written beside, then moved into place: a reader never sees half a batch.
    private static void write(Path target, byte[] bytes) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    // Batch ids are UUIDs; anything else is reduced to a safe file name.
    private static String safeName(String batchId) {
        String name = batchId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "batch-" + System.nanoTime() : name;
    }
}
