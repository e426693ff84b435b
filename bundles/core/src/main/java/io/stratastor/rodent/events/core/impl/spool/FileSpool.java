package io.stratastor.rodent.events.core.impl.spool;

import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.FsyncPolicy;
import io.stratastor.rodent.events.core.impl.settings.SpoolSettings;
import io.stratastor.rodent.events.core.impl.store.EventStore;
import io.stratastor.rodent.events.proto.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link EventStore}: events wait in memory-mapped, preallocated segment files until
 * acknowledged, so {@code kill -9} loses nothing {@code append} accepted and the heap does not
 * grow with the backlog. A checkpoint records what is acknowledged; {@link #open} replays the
 * rest in order, keeping damaged bytes in quarantine. Power loss is bounded by the
 * {@link FsyncPolicy}: {@code NONE} never forces; {@code INTERVAL} forces the written range, the
 * segments rolled away since and the checkpoint every interval, on a thread of its own;
 * {@code BATCH} forces the checkpoint on every {@link #remove}, each segment (and the directory)
 * when it is rolled, and the written range and checkpoint on {@link #sync()}. A disk error
 * refuses the event (-1), never throws, and is retried after a second. The directory holds
 * {@code segment-<first sequence number, 20 digits>.spool} files of records ({@link RecordFormat}),
 * {@code checkpoint} ({@link Checkpoint}), {@code quarantine/}, {@code lock}, and the next segment
 * allocated ahead ({@link SegmentPreparer}). Java 17 cannot
 * unmap without {@code sun.misc}: mappings are dropped for the garbage collector, and a segment
 * is emptied before it is deleted so its disk space returns at once.
 * Thread-safe: any number of threads append; one thread peeks, removes and syncs; {@link #size},
 * {@link #stats} and {@link #close} from any thread.
 */
public final class FileSpool implements EventStore {
    // Once full, room is reported again only this far below the lowest level's limit, not at every freed batch.
    static final int RESUME_MARGIN_PERCENT = 5;
    private static final Logger LOG = LoggerFactory.getLogger(FileSpool.class);

    private final Path directory;
    private final SpoolSettings settings;
    private final SpoolCounters counters;
    private final SpoolHealth health;
    private final ConcurrentSkipListMap<Long, Segment> segments;
    private final Backlog backlog;
    private final SpoolWriter writer;
    private final SpoolReader reader;
    private final Durability durability;
    private final IntervalSync intervalSync;
    private final SegmentPreparer preparer;
    private final FileLock lock;
    private volatile boolean closed;

    private FileSpool(Path directory, SpoolSettings settings, Clock clock, SpoolFiles files, SpoolCounters counters,
            Quarantine quarantine, Replay replay, FileLock lock, boolean prepareAhead) throws IOException {
        this.directory = directory;
        this.lock = lock;
        this.settings = settings;
        this.counters = counters;
        this.health = new SpoolHealth(directory.toString());
        this.segments = replay.segments;
        this.backlog = new Backlog(replay.pending, replay.pendingBytes);
        this.durability = new Durability(directory, settings.fsyncPolicy(), Checkpoint.open(directory, files), counters, health);
        this.preparer = prepareAhead ? new SegmentPreparer(directory, settings.maxFileSize(), files) : null;
        this.writer = new SpoolWriter(directory, settings, clock, files, replay, backlog, counters, health, durability, preparer);
        this.reader = new SpoolReader(replay, quarantine, backlog::removed);
        this.intervalSync = settings.fsyncPolicy() == FsyncPolicy.INTERVAL
                ? new IntervalSync(settings.fsyncInterval(), () -> durability.force(writer::current)) : null;
    }

    /**
     * Opens the spool in {@code directory} (created 0700 if missing) and replays what it holds.
     * One spool at a time may hold a directory: close the old one before opening it again.
     *
     * @throws IOException when the directory cannot be created, listed or its segments read, or
     *     another spool holds it
     */
    public static FileSpool open(Path directory, SpoolSettings settings) throws IOException {
        return open(directory, settings, Clock.systemUTC(), SpoolFiles.system());
    }

    static FileSpool open(Path directory, SpoolSettings settings, Clock clock, SpoolFiles files) throws IOException {
        return open(directory, settings, clock, files, true);
    }

    /** {@code prepareAhead}: whether the next segment is allocated ahead ({@link SegmentPreparer}) or at each roll. */
    static FileSpool open(Path directory, SpoolSettings settings, Clock clock, SpoolFiles files, boolean prepareAhead)
            throws IOException {
        SpoolFiles.createDirectory(directory);
        FileLock lock = SpoolFiles.lock(directory, files);
        try {
            SpoolCounters counters = new SpoolCounters();
            Quarantine quarantine = new Quarantine(directory, files, counters);
            SegmentPreparer.removeLeftover(directory);
            Replay replay = Replay.run(directory, quarantine);
            FileSpool spool = new FileSpool(directory, settings, clock, files, counters, quarantine, replay, lock, prepareAhead);
            spool.start(replay);
            return spool;
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    private void start(Replay replay) {
        if (replay.checkpointLost) {
            counters.checkpointsLost.increment();
            LOG.warn("Event spool {}: checkpoint missing or damaged; replaying all {} events from the oldest segment,"
                    + " some of which Toggle may have already", directory, replay.pending);
        }
        if (!replay.checkpointFound) {
            durability.checkpoint(Replay.NOTHING_ACKNOWLEDGED);
        }
        if (intervalSync != null) {
            intervalSync.start();
        }
        if (preparer != null) {
            preparer.prepare();
        }
        LOG.info("Event spool {} opened: {} events pending ({} bytes in {} segments), {} damaged ranges quarantined, fsync {}",
                directory, replay.pending, replay.pendingBytes, segments.size(), counters.quarantinedRecords.sum(),
                label(settings.fsyncPolicy()));
    }

    /**
     * Writes the event to the current segment; on return its bytes are in the page cache.
     *
     * @return events pending afterwards, or -1 when refused: larger than a segment, no room at its
     *     level, a disk error, or closed
     * @throws IllegalArgumentException when the event has no field set (the pipeline always sets event_id)
     */
    @Override
    public int append(Event event) {
        return writer.append(event);
    }

    @Override
    public int append(byte[] encoded, int length, Level level) {
        return writer.append(encoded, length, level);
    }

    @Override
    public List<Event> peek(int maxEvents, long maxBytes) {
        return closed || maxEvents <= 0 ? List.of() : reader.peek(maxEvents, maxBytes);
    }

    @Override
    public List<ByteBuffer> peekEncoded(long skip, int maxEvents, long maxBytes) {
        return closed || maxEvents <= 0 ? List.of() : reader.peekEncoded(skip, maxEvents, maxBytes);
    }

    /** Acknowledges the {@code count} oldest events, checkpoints, and deletes wholly acknowledged segments. */
    @Override
    public void remove(int count) {
        if (count <= 0 || closed) {
            return;
        }
        SpoolReader.Advance done = reader.advance(count);
        long held = backlog.removed(done.records(), done.bytes());
        counters.acknowledged.add(done.records());
        long resume = settings.overflowPolicy().limitBytes(Level.INFO, settings.capacityBytes())
                - settings.capacityBytes() / 100 * RESUME_MARGIN_PERCENT;
        if (health.full() && held <= resume) {
            health.roomAgain(held, settings.capacityBytes());
        }
        durability.checkpoint(done.checkpoint());
        durability.discard(done.consumed());
    }

    /** Under {@link FsyncPolicy#BATCH}, forces what was written and the checkpoint; otherwise does nothing. */
    @Override
    public void sync() {
        if (settings.fsyncPolicy() == FsyncPolicy.BATCH && !closed) {
            durability.force(writer::current);
        }
    }

    @Override
    public int size() {
        return (int) Math.min(backlog.events(), Integer.MAX_VALUE);
    }

    /** Unbounded in events: the spool is bounded in bytes ({@link SpoolSettings#capacityBytes()}). */
    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    /** Does nothing: the spool's capacity is in bytes and comes with its settings. */
    @Override
    public void resize(int capacity) {
        // A capacity in events does not apply; see capacity().
    }

    @Override
    public long oldestTimestamp() {
        return closed || backlog.events() == 0 ? -1 : reader.oldestTimestamp();
    }

    /** For tests: whether the segment allocated ahead has settled (ready, or failed). */
    boolean preparedAhead() {
        return preparer != null && preparer.settled();
    }

    @Override
    public String state() {
        return health.state();
    }

    @Override
    public EventStats.Spool spoolStats() {
        Map<Level, Long> dropped = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            dropped.put(level, counters.droppedAt(level));
        }
        return new EventStats.Spool(directory.toString(), backlog.bytes(), segments.size(), settings.capacityBytes(),
                backlog.events(), oldestTimestamp(), counters.acknowledged.sum(), counters.quarantinedRecords.sum(),
                counters.quarantinedBytes.sum(), counters.oversize.sum(), counters.diskErrors.sum(), health.state(),
                health.lastError(), label(settings.fsyncPolicy()), counters.fsyncs.sum(), label(settings.overflowPolicy()),
                counters.checkpointsLost.sum(), dropped);
    }

    /** The spool's figures under their stats keys, an immutable snapshot; numbers are {@code Long}. */
    public Map<String, Object> stats() {
        return spoolStats().asMap();
    }

    /** Refuses further appends, forces per policy, and releases the files. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (intervalSync != null) {
            intervalSync.stop();
        }
        SegmentWriter last = writer.close();
        if (preparer != null) {
            preparer.close();
        }
        durability.close(() -> last);
        reader.close();
        try {
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("Event spool {}: releasing its lock failed ({})", directory, e.toString());
        }
        LOG.info("Event spool {} closed: {} events pending", directory, size());
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
