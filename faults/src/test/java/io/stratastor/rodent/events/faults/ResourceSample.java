package io.stratastor.rodent.events.faults;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a node holds at one moment of a soak: heap after the last collection, threads, open file
 * descriptors, mapped buffers and the spool's bytes on disk.
 */
record ResourceSample(long second, long heapAfterGcBytes, int threads, long fileDescriptors, long mappedBuffers,
        long mappedBytes, long spoolBytes, long spoolSegments, long delivered) {

    static ResourceSample take(long second, Path spool, long spoolSegments, long delivered) throws IOException {
        long heapAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                heapAfterGc += pool.getCollectionUsage().getUsed();
            }
        }
        long fds = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
        long mappedCount = 0;
        long mappedBytes = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("mapped")) {
                mappedCount = pool.getCount();
                mappedBytes = pool.getMemoryUsed();
            }
        }
        return new ResourceSample(second, heapAfterGc, ManagementFactory.getThreadMXBean().getThreadCount(), fds, mappedCount,
                mappedBytes, bytesUnder(spool), spoolSegments, delivered);
    }

    private static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    String line() {
        return String.format("%6d s  heap_after_gc=%6.1f MiB  threads=%3d  fds=%4d  mapped=%3d (%6.1f MiB)  spool=%6.1f MiB in %d segments"
                + "  delivered=%d", second, heapAfterGcBytes / 1048576.0, threads, fileDescriptors, mappedBuffers,
                mappedBytes / 1048576.0, spoolBytes / 1048576.0, spoolSegments, delivered);
    }
}
