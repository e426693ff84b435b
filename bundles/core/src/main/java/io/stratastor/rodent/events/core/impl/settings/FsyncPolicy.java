package io.stratastor.rodent.events.core.impl.settings;

/**
 * When the spool forces what it wrote from the page cache to the device. Every policy survives
 * {@code kill -9} of the JVM (an accepted event is in the page cache before {@code append}
 * returns); they differ only in what a power loss or kernel crash may take.
 */
public enum FsyncPolicy {
    /** Never forces: the kernel writes back when it likes (typically within 30 s). */
    NONE,
    /**
     * A background thread forces the written range, the segments rolled away since, and the
     * checkpoint every {@code fsyncInterval}: nothing is forced on the emitting thread. A power
     * loss takes at most about one interval.
     */
    INTERVAL,
    /**
     * Forces the checkpoint after every {@code remove}, the segment when it is rolled, and the
     * written range and checkpoint on {@link FileSpool#sync()}, which the shipper calls per batch.
     */
    BATCH
}
