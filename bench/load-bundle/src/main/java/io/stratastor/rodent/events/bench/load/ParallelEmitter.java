package io.stratastor.rodent.events.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes {@code count} calls of one emit from {@code threads} threads, the count split between them
 * (the first threads take one more when it does not divide), and waits for all of them. The clock
 * starts when every thread is ready, so thread start-up is not in the rate. A failed call stops its
 * thread; the others finish their share. Stateless; each {@link #run} uses threads of its own.
 */
final class ParallelEmitter {
    /** What a run did: the calls that returned, from how many threads, in how long, and the first failure if any. */
    record Result(long emitted, int threads, long nanos, RuntimeException failure) {
        double perSecond() {
            return nanos <= 0 ? 0 : emitted * 1e9 / nanos;
        }
    }

    Result run(long count, int threads, Runnable emit) throws InterruptedException {
        AtomicLong emitted = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            long share = count / threads + (i < count % threads ? 1 : 0);
            Thread producer = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long done = 0;
                    try {
                        for (; done < share; done++) {
                            emit.run();
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                    emitted.addAndGet(done);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-emit-" + (i + 1));
            producers.add(producer);
            producer.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Thread producer : producers) {
                producer.join();
            }
        } catch (InterruptedException e) {
            producers.forEach(Thread::interrupt);
            throw e;
        }
        return new Result(emitted.get(), threads, System.nanoTime() - start, failure.get());
    }
}
