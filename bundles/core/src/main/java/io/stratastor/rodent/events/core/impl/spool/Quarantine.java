package io.stratastor.rodent.events.core.impl.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps damaged segment bytes in {@code quarantine/<segment>-<offset>.bad} for a human to inspect,
 * and counts them. Thread-safe (synchronised); used at open and, rarely, by the reader.
 */
final class Quarantine {
    static final String DIRECTORY = "quarantine";
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final Path directory;
    private final SpoolFiles files;
    private final SpoolCounters counters;
    private boolean writeFailureLogged;
    private long lastSegmentLogged = -1;

    Quarantine(Path spoolDirectory, SpoolFiles files, SpoolCounters counters) {
        this.directory = spoolDirectory.resolve(DIRECTORY);
        this.files = files;
        this.counters = counters;
    }

    /** Counts and keeps bytes {@code [from, to)} of {@code segment}, read through {@code bytes}. */
    synchronized void keep(Segment segment, ByteBuffer bytes, int from, int to) {
        counters.quarantinedRecords.increment();
        counters.quarantinedBytes.add(to - from);
        Path file = directory.resolve(segment.name() + "-" + from + ".bad");
        if (lastSegmentLogged != segment.base) {
            lastSegmentLogged = segment.base;
            LOG.warn("Event spool: damaged bytes in {} at offset {} skipped and kept in {}; further damage there is only counted",
                    segment.path, from, directory);
        }
        try {
            // Damage found again after a restart is already kept whole: keep one copy.
            if (Files.isRegularFile(file) && Files.size(file) == to - from) {
                return;
            }
            SpoolFiles.createDirectory(directory);
            try (FileChannel out = files.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING))) {
                ByteBuffer range = bytes.duplicate().limit(to).position(from);
                while (range.hasRemaining()) {
                    out.write(range);
                }
            }
        } catch (IOException e) {
            counters.diskErrors.increment();
            if (!writeFailureLogged) {
                writeFailureLogged = true;
                LOG.warn("Event spool: cannot write quarantine file {} ({}); damaged bytes are counted but not kept", file, e.toString());
            }
        }
    }
}
