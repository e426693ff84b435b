package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.DeadLetter;
import io.stratastor.rodent.events.api.DeadLetterQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * No batch refused for good by Toggle within {@code dead_letter_window_seconds}, from the kept
 * dead letters' times. A configuration change recreates the component. Thread-safe.
 */
@Component(service = HealthCheck.class, configurationPid = HealthConfiguration.PID, property = {
        HealthCheck.NAME + "=" + DeadLetterHealthCheck.NAME, HealthCheck.TAGS + "=" + PipelineHealthCheck.TAG,
        HealthCheck.MBEAN_NAME + "=rodentEventsDeadLetters"})
public final class DeadLetterHealthCheck implements HealthCheck {
    static final String NAME = "Rodent Events: dead letters";

    private final Duration window;
    private final Clock clock;
    // Optional and dynamic: the check stays registered while the core is stopped or updated, and says so.
    private final AtomicReference<DeadLetterQueue> queue = new AtomicReference<>();

    @Activate
    public DeadLetterHealthCheck(HealthConfiguration config) {
        this(config, Clock.systemUTC());
    }

    DeadLetterHealthCheck(HealthConfiguration config, Clock clock) {
        this.window = Duration.ofSeconds(Bounds.seconds("dead_letter_window_seconds", config.dead__letter__window__seconds()));
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDeadLetterQueue(DeadLetterQueue deadLetters) {
        queue.set(deadLetters);
    }

    void unsetDeadLetterQueue(DeadLetterQueue deadLetters) {
        queue.compareAndSet(deadLetters, null);
    }

    @Override
    public Result execute() {
        DeadLetterQueue deadLetters = queue.get();
        if (deadLetters == null) {
            return new Result(Result.Status.CRITICAL, PipelineHealthCheck.CORE_MISSING);
        }
        List<DeadLetter> kept = deadLetters.list();
        Instant since = clock.instant().minus(window);
        List<DeadLetter> recent = kept.stream().filter(letter -> letter.keptAt().isAfter(since)).toList();
        if (recent.isEmpty()) {
            return new Result(Result.Status.OK, "no batch refused by Toggle in the last " + window.toSeconds() + " s"
                    + (kept.isEmpty() ? "" : "; " + kept.size() + " older dead letters are kept (events:dlq lists them)"));
        }
        DeadLetter latest = recent.get(recent.size() - 1);
        int events = recent.stream().mapToInt(DeadLetter::eventCount).sum();
        return new Result(Result.Status.WARN, recent.size() + " batches (" + events + " events) refused for good by Toggle in the"
                + " last " + window.toSeconds() + " s, the latest at " + latest.keptAt() + ": " + latest.reason()
                + "; events:dlq lists them, events:dlq --resend-all sends them again once the cause is fixed");
    }
}
