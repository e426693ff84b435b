package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.core.impl.settings.FsyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that reaches the device: forcing segments, the directory and the checkpoint,
 * writing the checkpoint, and deleting acknowledged segments; failures are counted, never thrown.
 * Thread-safe: one lock keeps forces and deletions apart, so no force meets a deleted file.
 */
final class Durability {
    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);

    private final Path directory;
    private final FsyncPolicy policy;
    private final Checkpoint checkpoint;
    private final SpoolCounters counters;
    private final SpoolHealth health;
    private final ReentrantLock lock = new ReentrantLock();
    // Written by the shipper thread, read at close.
    private volatile Checkpoint.Position unwritten;
    // Rolled away under INTERVAL, forced by the next interval's force: not on the emitting thread,
    // which holds the writer's lock during a roll.
    private final ConcurrentLinkedQueue<SegmentWriter> sealedUnforced = new ConcurrentLinkedQueue<>();

    Durability(Path directory, FsyncPolicy policy, Checkpoint checkpoint, SpoolCounters counters, SpoolHealth health) {
        this.directory = directory;
        this.policy = policy;
        this.checkpoint = checkpoint;
        this.counters = counters;
        this.health = health;
    }

    /** Forces the current segment's written range (if any) and the checkpoint, whatever the policy. */
    void force(Supplier<SegmentWriter> writer) {
        lock.lock();
        try {
            boolean forced = true;
            SegmentWriter sealed;
            while ((sealed = sealedUnforced.poll()) != null) {
                forced &= forceSegment(sealed);
            }
            SegmentWriter current = writer.get();
            forced &= current == null || forceSegment(current);
            if (checkpoint.force()) {
                counters.fsyncs.increment();
            }
            if (forced) {
                health.succeeded(SpoolHealth.Operation.SYNC);
            }
        } catch (IOException e) {
            failed(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A segment being sealed: under BATCH forced now, with its successor's name; under INTERVAL
     * forced by the next interval's {@link #force}, within the interval the policy promises.
     */
    void rolled(SegmentWriter sealed) {
        if (sealed != null && policy == FsyncPolicy.INTERVAL) {
            sealedUnforced.add(sealed);
        } else if (sealed != null && policy == FsyncPolicy.BATCH) {
            forceSegment(sealed);
        }
        if (policy == FsyncPolicy.BATCH) {
            try (FileChannel channel = FileChannel.open(directory, Set.of(StandardOpenOption.READ))) {
                channel.force(true);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    /** Writes the checkpoint (forced under BATCH); a failure is retried by the next call or {@link #close}. */
    void checkpoint(Checkpoint.Position position) {
        try {
            checkpoint.write(position);
            unwritten = null;
            if (policy == FsyncPolicy.BATCH && checkpoint.force()) {
                counters.fsyncs.increment();
            }
            health.succeeded(SpoolHealth.Operation.CHECKPOINT);
        } catch (IOException e) {
            unwritten = position;
            counters.diskErrors.increment();
            health.failed(SpoolHealth.Operation.CHECKPOINT, e);
        }
    }

    /** Deletes segments wholly acknowledged, sealed, and out of the reader's hands. */
    void discard(List<Segment> consumed) {
        if (consumed.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            // Acknowledged: nothing of it needs forcing, and its mapping must not be forced once it is gone.
            sealedUnforced.removeIf(writer -> consumed.contains(writer.segment));
            for (Segment segment : consumed) {
                try {
                    SpoolFiles.discard(segment.path);
                } catch (IOException e) {
                    LOG.warn("Event spool {}: cannot delete acknowledged {} ({}); it is deleted at the next start",
                            directory, segment.path, e.toString());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes a checkpoint that failed before, forces per policy, and closes the checkpoint. */
    void close(Supplier<SegmentWriter> current) {
        if (unwritten != null) {
            checkpoint(unwritten);
        }
        if (policy != FsyncPolicy.NONE) {
            force(current);
        }
        try {
            checkpoint.close();
        } catch (IOException e) {
            LOG.warn("Event spool {}: closing the checkpoint failed ({})", directory, e.toString());
        }
    }

    private boolean forceSegment(SegmentWriter segment) {
        try {
            if (segment.force()) {
                counters.fsyncs.increment();
            }
            return true;
        } catch (UncheckedIOException e) {
            failed(e.getCause());
            return false;
        }
    }

    private void failed(IOException e) {
        counters.diskErrors.increment();
        health.failed(SpoolHealth.Operation.SYNC, e);
    }
}
