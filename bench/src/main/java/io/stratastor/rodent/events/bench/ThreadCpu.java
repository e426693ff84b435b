package io.stratastor.rodent.events.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a scenario's CPU went between two points: by thread role (threads named alike, digits
 * dropped, are one role: {@code toggle-sink-call-1} and {@code -2} are {@code toggle-sink-call-}),
 * the whole process (the JIT's and the GC's threads too), and the JIT compilers' own time. Threads
 * that ended in between are not in the roles: {@link Load} counts its producers itself. Not
 * thread-safe.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new TreeMap<>();
    private final long processStart = processCpuNanos();
    private final long compilingStart = compilingMillisSinceStart();

    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            start.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    /** Milliseconds of CPU per role since this was made, by role name. */
    Map<String, Long> millisByRole() {
        Map<String, Long> roles = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long now = threads.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String role = info.getThreadName().replaceAll("\\d+", "").replaceAll("[^A-Za-z_.-]", "_");
            roles.merge(role, (now - start.getOrDefault(id, 0L)) / 1_000_000, Long::sum);
        }
        return roles;
    }

    /** The whole process's CPU since this was made, in milliseconds; -1 when the JVM does not say. */
    long processMillis() {
        long now = processCpuNanos();
        return now < 0 || processStart < 0 ? -1 : (now - processStart) / 1_000_000;
    }

    /** Milliseconds the JIT compilers spent since this was made, by the JVM's own account; -1 when it keeps none. */
    long compilingMillis() {
        long now = compilingMillisSinceStart();
        return now < 0 || compilingStart < 0 ? -1 : now - compilingStart;
    }

    private static long compilingMillisSinceStart() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler == null || !compiler.isCompilationTimeMonitoringSupported() ? -1 : compiler.getTotalCompilationTime();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }
}
