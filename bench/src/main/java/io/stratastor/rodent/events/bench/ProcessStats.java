package io.stratastor.rodent.events.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The process's memory and GC over a measured run: heap used sampled every millisecond (peak),
 * the heap left after each collection (peak live set, from GC notifications), GC count and
 * pause total from the GC MXBeans, RSS high-water mark and anonymous RSS (sampled) from /proc/self/status. Thread-safe.
 */
final class ProcessStats implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakAnonKb = new AtomicLong(-1);
    private final long gcCountBefore;
    private final long gcMillisBefore;
    private final Thread sampler;
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
            peakAfterGc.accumulateAndGet(after - nonHeapIn(info), Math::max);
        }
    };
    private volatile boolean running = true;

    ProcessStats() {
        gcCountBefore = gcCount();
        gcMillisBefore = gcMillis();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(() -> {
            for (long tick = 0; running; tick++) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // Anonymous memory every 50 ms: reading /proc every millisecond would cost more than it tells.
                if (tick % 50 == 0) {
                    peakAnonKb.accumulateAndGet(statusKb(Path.of("/proc/self/status"), "RssAnon:"), Math::max);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    // The after-GC map holds every pool the collector touched; count heap pools only.
    private static long nonHeapIn(GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP) {
                MemoryUsage usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                nonHeap += usage == null ? 0 : usage.getUsed();
            }
        }
        return nonHeap;
    }

    long peakHeapUsed() {
        return peakUsed.get();
    }

    long peakHeapAfterGc() {
        return peakAfterGc.get();
    }

    long gcCountDelta() {
        return gcCount() - gcCountBefore;
    }

    long gcMillisDelta() {
        return gcMillis() - gcMillisBefore;
    }

    /** A full collection now, then the heap used: what the process holds at rest. */
    long heapAfterFullGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static long rssHighWaterKb() {
        return rssHighWaterKb(Path.of("/proc/self/status"));
    }

    /** VmHWM of the process whose {@code /proc/PID/status} this is, in KiB; -1 when it cannot be read (the process is gone). */
    static long rssHighWaterKb(Path status) {
        return statusKb(status, "VmHWM:");
    }

    /**
     * The highest anonymous resident memory sampled (RssAnon, every 50 ms), in KiB: the process's own
     * memory, without the file pages it maps (the spool's segments, which the kernel can drop and
     * read again); -1 when /proc does not say.
     */
    long peakAnonymousKb() {
        return peakAnonKb.get();
    }

    private static long statusKb(Path status, String key) {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    @Override
    public void close() {
        running = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // Never added for this bean; nothing to remove.
            }
        }
    }
}
