package io.stratastor.rodent.events.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs {@code producers} threads that together make {@code events} calls, paced to {@code rate}
 * calls/s (0: as fast as they go), and records each call's duration in nanoseconds. The latency is
 * the call's service time, measured around the call. Optionally each producer runs a pause action
 * (the peer's {@code forceFlush}) after every {@code pauseEvery} of its calls, outside what is timed.
 * The producers' CPU time is summed, as they end before the scenario's other threads are read.
 * Not thread-safe: one run at a time.
 */
final class Load {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** What a run measured. */
    record Result(Histogram latency, long firstNanos, long lastNanos, long calls, long producerCpuNanos) {
        double callsPerSecond() {
            return calls * 1e9 / Math.max(1, lastNanos - firstNanos);
        }
    }

    private Load() {
    }

    static Result run(int producers, long events, double rate, Runnable call) throws InterruptedException {
        return run(producers, events, rate, call, 0, null);
    }

    /** As {@link #run(int, long, double, Runnable)}, with {@code pause} run by each producer after every {@code pauseEvery} of its calls (0: never). */
    static Result run(int producers, long events, double rate, Runnable call, int pauseEvery, Runnable pause) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        Histogram[] histograms = new Histogram[producers];
        long[] firsts = new long[producers];
        long[] lasts = new long[producers];
        long[] cpu = new long[producers];
        long intervalNanos = rate <= 0 ? 0 : (long) (producers * 1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        for (int p = 0; p < producers; p++) {
            int index = p;
            long share = events / producers + (p < events % producers ? 1 : 0);
            histograms[p] = new Histogram(60_000_000_000L, 3);
            Thread thread = new Thread(() -> {
                Histogram histogram = histograms[index];
                while (System.nanoTime() < start) {
                    LockSupport.parkNanos(start - System.nanoTime());
                }
                long cpuBefore = CPU.getCurrentThreadCpuTime();
                firsts[index] = System.nanoTime();
                for (long i = 0; i < share; i++) {
                    if (intervalNanos > 0) {
                        long due = start + i * intervalNanos;
                        long now;
                        while ((now = System.nanoTime()) < due) {
                            LockSupport.parkNanos(due - now);
                        }
                    }
                    long before = System.nanoTime();
                    call.run();
                    histogram.recordValue(Math.max(0, System.nanoTime() - before));
                    if (pauseEvery > 0 && (i + 1) % pauseEvery == 0) {
                        pause.run();
                    }
                }
                lasts[index] = System.nanoTime();
                cpu[index] = CPU.getCurrentThreadCpuTime() - cpuBefore;
            }, "bench-producer-" + p);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram all = new Histogram(60_000_000_000L, 3);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long producerCpu = 0;
        for (int p = 0; p < producers; p++) {
            producerCpu += cpu[p];
            all.add(histograms[p]);
            first = Math.min(first, firsts[p]);
            last = Math.max(last, lasts[p]);
        }
        return new Result(all, first, last, events, producerCpu);
    }
}
