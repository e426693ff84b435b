package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.EventStats;
import io.stratastor.rodent.events.api.EventSystem;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** A health check of the pipeline's stats; CRITICAL while the core is not running. Thread-safe. */
abstract class PipelineHealthCheck implements HealthCheck {
    static final String TAG = "rodent-events";
    static final String CORE_MISSING = "the events core is not running: no EventSystem service"
            + " (is bundle io.stratastor.rodent.events.core active?)";

    // Optional and dynamic: the check stays registered while the core is stopped or updated, and says so.
    private final AtomicReference<EventSystem> eventSystem = new AtomicReference<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEventSystem(EventSystem system) {
        eventSystem.set(system);
    }

    void unsetEventSystem(EventSystem system) {
        eventSystem.compareAndSet(system, null);
    }

    @Override
    public final Result execute() {
        EventSystem system = eventSystem.get();
        return system == null ? new Result(Result.Status.CRITICAL, CORE_MISSING) : assess(system.snapshot());
    }

    /** The verdict on one snapshot, in words an operator acts on. */
    abstract Result assess(EventStats stats);
}
