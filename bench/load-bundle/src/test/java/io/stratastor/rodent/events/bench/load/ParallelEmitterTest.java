package io.stratastor.rodent.events.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ParallelEmitterTest {
    @Test
    void splitsTheCountBetweenTheThreadsAndMakesEveryCall() throws InterruptedException {
        Map<String, LongAdder> perThread = new ConcurrentHashMap<>();

        ParallelEmitter.Result result = new ParallelEmitter().run(10, 3,
                () -> perThread.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder()).increment());

        assertThat(result.emitted()).isEqualTo(10);
        assertThat(result.threads()).isEqualTo(3);
        assertThat(result.failure()).isNull();
        assertThat(perThread).hasSize(3);
        assertThat(perThread.values().stream().map(LongAdder::sum)).containsExactlyInAnyOrder(4L, 3L, 3L);
    }

    @Test
    void aFailedCallStopsItsThreadAndIsReportedWithTheCallsThatReturned() throws InterruptedException {
        AtomicLong calls = new AtomicLong();

        ParallelEmitter.Result result = new ParallelEmitter().run(5, 1, () -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("refused");
            }
        });

        assertThat(result.emitted()).isEqualTo(2);
        assertThat(result.failure()).hasMessage("refused");
    }

    @Test
    void printsTheLineTheHarnessReads() {
        String line = BenchEmitCommand.line(new ParallelEmitter.Result(100_000, 2, 500_000_000L, null));

        assertThat(line).isEqualTo("emitted 100000 storage.pool.status.changed from 2 threads in 0.500 s, 200000/s");
    }
}
