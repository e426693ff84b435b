package io.stratastor.rodent.events.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a scenario's CPU went between two points: by thread role (threads named alike, digits
 * dropped, are one role: {@code toggle-sink-call-1} and {@code -2} are {@code toggle-sink-call-}),
 * the whole process, the JIT compilers' and the GC's threads (read from /proc, as the thread bean
 * hides them), and the compilers' own account of their time. Threads
 * that ended in between are not in the roles: {@link Load} counts its producers itself. Not
 * thread-safe.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new TreeMap<>();
    private final long processStart = processCpuNanos();
    private final long compilingStart = compilingMillisSinceStart();
    private final Map<String, Long> nativeStart = NativeThreads.ticksByKind();

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

    /**
     * CPU milliseconds of the JVM's own threads, which the thread bean does not show, since this was
     * made, by kind: {@code jit} (the compiler threads) and {@code gc}; empty where /proc is not there.
     */
    Map<String, Long> nativeMillis() {
        Map<String, Long> now = NativeThreads.ticksByKind();
        Map<String, Long> millis = new TreeMap<>();
        now.forEach((kind, ticks) -> millis.put(kind, (ticks - nativeStart.getOrDefault(kind, 0L)) * 1000 / NativeThreads.TICKS_PER_SECOND));
        return millis;
    }

    private static long compilingMillisSinceStart() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler == null || !compiler.isCompilationTimeMonitoringSupported() ? -1 : compiler.getTotalCompilationTime();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** The CPU ticks of this process's compiler and GC threads, from /proc/self/task: Linux only. */
    private static final class NativeThreads {
        // USER_HZ: 100 on every Linux this runs on.
        static final long TICKS_PER_SECOND = 100;

        static Map<String, Long> ticksByKind() {
            Map<String, Long> ticks = new TreeMap<>();
            File[] tasks = new File("/proc/self/task").listFiles();
            if (tasks == null) {
                return ticks;
            }
            for (File task : tasks) {
                try {
                    String name = Files.readString(task.toPath().resolve("comm")).strip();
                    String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "gc" : null;
                    if (kind == null) {
                        continue;
                    }
                    // Fields 14 and 15 (utime, stime) follow the name in parentheses, which may hold spaces.
                    String stat = Files.readString(task.toPath().resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(kind, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // A thread that ended while being read: not counted.
                }
            }
            return ticks;
        }
    }
}
