package io.stratastor.rodent.events.core.impl.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FileSpool} stores events. Immutable; validated on construction.
 *
 * @param maxFileSize bytes per segment file, from {@value #MIN_FILE_SIZE}; a record larger than this is refused
 * @param capacityBytes record bytes the spool may hold unacknowledged, at least one segment's worth
 * @param fsyncPolicy when written bytes are forced to the device
 * @param fsyncInterval the period of {@link FsyncPolicy#INTERVAL}; ignored by the other policies
 * @param overflowPolicy which events are refused when the capacity runs out
 */
public record SpoolSettings(int maxFileSize, long capacityBytes, FsyncPolicy fsyncPolicy, Duration fsyncInterval,
        OverflowPolicy overflowPolicy) {

    public static final int MIN_FILE_SIZE = 65_536;
    // Keeps capacity × percent from overflowing a long.
    private static final long MAX_CAPACITY_BYTES = Long.MAX_VALUE / 100;

    public SpoolSettings {
        if (maxFileSize < MIN_FILE_SIZE) {
            throw new IllegalArgumentException("max_file_size " + maxFileSize + " is too small; expected at least " + MIN_FILE_SIZE);
        }
        if (capacityBytes < maxFileSize || capacityBytes > MAX_CAPACITY_BYTES) {
            throw new IllegalArgumentException("spool capacity " + capacityBytes + " bytes is out of range; expected "
                    + maxFileSize + " (max_file_size) to " + MAX_CAPACITY_BYTES);
        }
        Objects.requireNonNull(fsyncPolicy, "fsyncPolicy");
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
            throw new IllegalArgumentException("fsync interval " + fsyncInterval + " is out of range; expected a positive duration");
        }
    }

    /** The spool's part of the configuration's defaults ({@link PipelineConfiguration}). */
    public static SpoolSettings defaults() {
        return new SettingsBuilder().build().spool();
    }

    public SpoolSettings withMaxFileSize(int bytes) {
        return new SpoolSettings(bytes, capacityBytes, fsyncPolicy, fsyncInterval, overflowPolicy);
    }

    public SpoolSettings withCapacityBytes(long bytes) {
        return new SpoolSettings(maxFileSize, bytes, fsyncPolicy, fsyncInterval, overflowPolicy);
    }

    public SpoolSettings withFsync(FsyncPolicy policy, Duration interval) {
        return new SpoolSettings(maxFileSize, capacityBytes, policy, interval, overflowPolicy);
    }

    public SpoolSettings withOverflowPolicy(OverflowPolicy policy) {
        return new SpoolSettings(maxFileSize, capacityBytes, fsyncPolicy, fsyncInterval, policy);
    }
}
