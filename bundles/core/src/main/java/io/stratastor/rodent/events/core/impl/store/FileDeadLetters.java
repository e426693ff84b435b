package io.stratastor.rodent.events.core.impl.store;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.proto.Event;
import io.stratastor.rodent.events.proto.EventBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
            createPrivateDirectory();
            String name = safeName(batch.getBatchId());
            write(directory.resolve(name + REASON_SUFFIX), reason.getBytes(StandardCharsets.UTF_8));
            write(directory.resolve(name + BATCH_SUFFIX), batch.toByteArray());
        } catch (IOException | RuntimeException e) {
            writeFailures.incrementAndGet();
            LOG.error("Cannot keep refused batch {} in {}: {}", batch.getBatchId(), directory, e.toString());
        }
    }

    /** The kept batches, oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return letters;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(BATCH_SUFFIX)).collect(Collectors.toList())) {
                String batchId = file.getFileName().toString();
                batchId = batchId.substring(0, batchId.length() - BATCH_SUFFIX.length());
                try {
                    EventBatch batch = EventBatch.parseFrom(Files.readAllBytes(file));
                    Path reasonFile = directory.resolve(batchId + REASON_SUFFIX);
                    String reason = Files.exists(reasonFile) ? Files.readString(reasonFile, StandardCharsets.UTF_8) : "";
                    letters.add(new DeadLetter(batchId, batch.getEventsCount(), reason, Files.getLastModifiedTime(file).toInstant()));
                } catch (IOException e) {
                    LOG.warn("Cannot read dead letter {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list dead letters in {}: {}", directory, e.toString());
        }
        letters.sort(Comparator.comparing(DeadLetter::keptAt).thenComparing(DeadLetter::batchId));
        return letters;
    }

    /**
     * The kept batch of that id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public EventBatch read(String batchId) {
        Path file = directory.resolve(safeName(batchId) + BATCH_SUFFIX);
        try {
            return EventBatch.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("no dead letter " + batchId + "; kept: "
                    + list().stream().map(DeadLetter::batchId).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /**
     * Hands the events of a kept batch to {@code requeue} and forgets the batch when all were taken.
     *
     * @return the number of events taken
     * @throws IllegalArgumentException naming the known ids when there is no such batch
     */
    public int resend(String batchId, ToIntFunction<List<Event>> requeue) {
        EventBatch batch = read(batchId);
        int queued = requeue.applyAsInt(batch.getEventsList());
        if (queued == batch.getEventsCount()) {
            forget(batchId);
        } else {
            LOG.warn("Dead letter {}: {} of {} events queued again (the spool is full); it stays kept", batchId, queued,
                    batch.getEventsCount());
        }
        return queued;
    }

    /** Forgets a kept batch once it is queued again. */
    public void forget(String batchId) {
        try {
            Files.deleteIfExists(directory.resolve(safeName(batchId) + BATCH_SUFFIX));
            Files.deleteIfExists(directory.resolve(safeName(batchId) + REASON_SUFFIX));
        } catch (IOException e) {
            LOG.warn("Cannot remove dead letter {}: {}", batchId, e.toString());
        }
    }

    /** Dead letters that could not be written. */
    public long writeFailures() {
        return writeFailures.get();
    }

    public Path directory() {
        return directory;
    }

    // Like the spool: the directory 0700 and its files 0600, where the file system has POSIX permissions.
    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory);
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // Written beside, then moved into place: a reader never sees half a batch.
    private static void write(Path target, byte[] bytes) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.write(partial, bytes);
        if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    // Batch ids are UUIDs; anything else is reduced to a safe file name.
    private static String safeName(String batchId) {
        String name = batchId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() ? "batch-" + System.nanoTime() : name;
    }
}
