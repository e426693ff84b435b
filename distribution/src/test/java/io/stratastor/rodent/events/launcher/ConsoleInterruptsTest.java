package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleInterruptsTest {
    /** Stands in for a Gogo job: the console's gosh job has no parent, command lines have gosh's. */
    public static final class Job {
        final Job parent;
        int interrupts;

        Job(Job parent) {
            this.parent = parent;
        }

        public Job parent() {
            return parent;
        }

        public void interrupt() {
            interrupts++;
        }
    }

    private final AtomicInteger stops = new AtomicInteger();
    private final ConsoleInterrupts interrupts = new ConsoleInterrupts(stops::incrementAndGet);
    private final Job gosh = new Job(null);

    @BeforeEach
    void useFakes() throws Exception {
        interrupts.use(Job.class.getMethod("parent"), Job.class.getMethod("interrupt"));
        interrupts.jobChanged(gosh, "Foreground");
    }

    @Test
    void ctrlCWhileACommandRunsInterruptsItsJobOnlyAndKeepsTheNode() throws Exception {
        Job tail = new Job(gosh);
        interrupts.jobChanged(tail, "Foreground");

        assertThat(interrupts.onInterrupt()).isEqualTo(1);

        assertThat(tail.interrupts).isEqualTo(1);
        assertThat(gosh.interrupts).isZero();
        assertThat(stops).hasValue(0);
    }

    @Test
    void ctrlCAtThePromptStopsTheNode() throws Exception {
        Job done = new Job(gosh);
        interrupts.jobChanged(done, "Foreground");
        interrupts.jobChanged(done, "Done");

        assertThat(interrupts.onInterrupt()).isZero();

        assertThat(stops).hasValue(1);
        assertThat(gosh.interrupts).isZero();
    }

    @Test
    void backgroundJobsAreLeftAlone() throws Exception {
        Job background = new Job(gosh);
        interrupts.jobChanged(background, "Background");

        interrupts.onInterrupt();

        assertThat(background.interrupts).isZero();
    }
}
