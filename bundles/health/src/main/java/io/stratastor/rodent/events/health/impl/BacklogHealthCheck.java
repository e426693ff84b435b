package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.EventStats;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The backlog's age under {@code backlog_age_max_seconds}. A configuration change recreates the
 * component (no state to keep). Immutable; thread-safe.
 */
@Component(service = HealthCheck.class, configurationPid = HealthConfiguration.PID, property = {
        HealthCheck.NAME + "=" + BacklogHealthCheck.NAME, HealthCheck.TAGS + "=" + PipelineHealthCheck.TAG,
        HealthCheck.MBEAN_NAME + "=rodentEventsBacklog"})
@Designate(ocd = HealthConfiguration.class)
public final class BacklogHealthCheck extends PipelineHealthCheck {
    static final String NAME = "Rodent Events: backlog";

    private final long maxAgeSeconds;

    @Activate
    public BacklogHealthCheck(HealthConfiguration config) {
        this.maxAgeSeconds = Bounds.seconds("backlog_age_max_seconds", config.backlog__age__max__seconds());
    }

    @Override
    Result assess(EventStats stats) {
        int pending = stats.store().pending();
        long ageSeconds = stats.store().oldestPendingAgeMs() / 1000;
        if (pending == 0) {
            return new Result(Result.Status.OK, "nothing waits for Toggle");
        }
        String bound = "the bound of " + maxAgeSeconds + " s (backlog_age_max_seconds)";
        if (ageSeconds > maxAgeSeconds) {
            return new Result(Result.Status.CRITICAL, "the oldest of " + pending + " waiting events is " + ageSeconds
                    + " s old, over " + bound + "; Toggle is " + stats.shipping().toggleState());
        }
        return new Result(Result.Status.OK, pending + " events wait, the oldest for " + ageSeconds + " s, within " + bound);
    }
}
