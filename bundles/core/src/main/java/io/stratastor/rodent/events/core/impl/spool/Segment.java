package io.stratastor.rodent.events.core.impl.spool;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One segment file as the spool tracks it: where its records end and whether it still grows.
 * Thread-safe: the writer publishes through volatiles (end before sealed), readers read them.
 */
final class Segment {
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".spool";

    final long base;
    final Path path;
    private volatile int end;
    private volatile boolean sealed;
    // Records and record bytes from where the reader first starts in this segment; see SpoolReader.
    private volatile long records;
    private volatile long bytes;
    private volatile boolean damageReported;

    Segment(long base, Path path) {
        this.base = base;
        this.path = path;
    }

    /** A segment found at open: holds {@code records} pending records ending at {@code end}; no longer written. */
    static Segment replayed(long base, Path path, int end, long records, long bytes, boolean damaged) {
        Segment segment = new Segment(base, path);
        segment.end = end;
        segment.records = records;
        segment.bytes = bytes;
        segment.damageReported = damaged;
        segment.sealed = true;
        return segment;
    }

    static String fileName(long base) {
        return String.format(Locale.ROOT, "%s%020d%s", PREFIX, base, SUFFIX);
    }

    /** The first sequence number a segment file's name carries, if it is one. */
    static OptionalLong baseOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)
                || fileName.length() != PREFIX.length() + 20 + SUFFIX.length()) {
            return OptionalLong.empty();
        }
        String digits = fileName.substring(PREFIX.length(), PREFIX.length() + 20);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** The file name without its suffix, as quarantine files name their origin. */
    String name() {
        String file = path.getFileName().toString();
        return file.substring(0, file.length() - SUFFIX.length());
    }

    int end() {
        return end;
    }

    boolean sealed() {
        return sealed;
    }

    long records() {
        return records;
    }

    long bytes() {
        return bytes;
    }

    /** Writer only, with its lock held: one more record, ending at {@code newEnd}, is readable. */
    void published(int newEnd, int recordBytes) {
        records++;
        bytes += recordBytes;
        end = newEnd;
    }

    /** Writer only: no record follows {@link #end()}. */
    void seal() {
        sealed = true;
    }

    /** True the first time damage here is reported, false after and where replay already counted it. */
    boolean firstDamageReport() {
        boolean first = !damageReported;
        damageReported = true;
        return first;
    }
}
