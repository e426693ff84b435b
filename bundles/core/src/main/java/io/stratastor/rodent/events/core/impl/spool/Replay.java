package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what a spool directory holds at open: checks every record after the checkpoint, keeps
 * damage in quarantine, deletes segments with nothing pending, and counts what is. Positions,
 * not sequence numbers, decide what is acknowledged, so damage that hides records before the
 * checkpoint cannot make later ones look acknowledged. Runs once, on the opening thread.
 */
final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    static final Checkpoint.Position NOTHING_ACKNOWLEDGED = new Checkpoint.Position(-1, 0, 0);

    final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    Segment cursorSegment;
    int cursorOffset;
    long cursorSequence;
    long lastAcknowledged;
    long pending;
    long pendingBytes;
    long nextSequence;
    boolean checkpointFound;
    boolean checkpointLost;

    private final Path directory;
    private final Quarantine quarantine;

    private Replay(Path directory, Quarantine quarantine) {
        this.directory = directory;
        this.quarantine = quarantine;
    }

    static Replay run(Path directory, Quarantine quarantine) throws IOException {
        Replay replay = new Replay(directory, quarantine);
        replay.run();
        return replay;
    }

    private void run() throws IOException {
        TreeMap<Long, Path> files = segmentFiles();
        Optional<Checkpoint.Position> checkpoint = readCheckpoint();
        checkpointFound = checkpoint.isPresent();
        checkpointLost = checkpoint.isEmpty() && !files.isEmpty();
        Checkpoint.Position from = checkpoint.orElse(NOTHING_ACKNOWLEDGED);
        lastAcknowledged = from.lastAcknowledged();
        // New segments must sort after the checkpoint's, or they would read as acknowledged.
        nextSequence = Math.max(from.lastAcknowledged() + 1, from.offset() > 0 ? from.segmentBase() + 1 : from.segmentBase());
        for (var file : files.entrySet()) {
            long base = file.getKey();
            if (base < from.segmentBase()) {
                discard(file.getValue());
            } else {
                replay(base, file.getValue(), base == from.segmentBase() ? from.offset() : 0);
            }
        }
        if (cursorSegment == null) {
            cursorSequence = lastAcknowledged + 1;
        }
    }

    private void replay(long base, Path path, int start) throws IOException {
        Segment named = new Segment(base, path);
        boolean[] damaged = {false};
        MappedByteBuffer map;
        try (FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.READ))) {
            map = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(channel.size(), Integer.MAX_VALUE));
        }
        int limit = map.capacity();
        long intact = 0;
        long records = 0;
        long bytes = 0;
        int end = 0;
        int first = -1;
        long firstSequence = 0;
        for (int at = nextIntact(map, 0, limit, named, start, damaged); at >= 0;
                at = nextIntact(map, end, limit, named, start, damaged)) {
            int size = RecordFormat.size(map, at);
            if (at >= start) {
                if (first < 0) {
                    first = at;
                    firstSequence = base + intact;
                }
                records++;
                bytes += size;
            }
            intact++;
            end = at + size;
        }
        nextSequence = Math.max(nextSequence, base + Math.max(intact, 1));
        if (records == 0) {
            discard(path);
            return;
        }
        Segment segment = Segment.replayed(base, path, end, records, bytes, damaged[0]);
        segments.put(base, segment);
        pending += records;
        pendingBytes += bytes;
        if (cursorSegment == null) {
            cursorSegment = segment;
            cursorOffset = first;
            cursorSequence = firstSequence;
        }
    }

    // Damage wholly before the checkpoint was acknowledged already (or never was a record): not kept.
    private int nextIntact(MappedByteBuffer map, int from, int limit, Segment named, int start, boolean[] damaged) {
        return RecordFormat.nextIntact(map, from, limit, (bad, to) -> {
            if (to > start) {
                damaged[0] = true;
                quarantine.keep(named, map, bad, to);
            }
        });
    }

    private TreeMap<Long, Path> segmentFiles() throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                OptionalLong base = Segment.baseOf(entry.getFileName().toString());
                if (base.isPresent() && Files.isRegularFile(entry)) {
                    files.put(base.getAsLong(), entry);
                }
            }
        }
        return files;
    }

    private Optional<Checkpoint.Position> readCheckpoint() {
        try {
            return Checkpoint.read(directory);
        } catch (IOException e) {
            LOG.warn("Event spool {}: cannot read the checkpoint ({})", directory, e.toString());
            return Optional.empty();
        }
    }

    // Only acknowledged, empty or wholly damaged (and quarantined) segments come here.
    private void discard(Path path) {
        try {
            SpoolFiles.discard(path);
        } catch (IOException e) {
            LOG.warn("Event spool {}: cannot delete {} ({}); it is checked again at the next start", directory, path, e.toString());
        }
    }
}
