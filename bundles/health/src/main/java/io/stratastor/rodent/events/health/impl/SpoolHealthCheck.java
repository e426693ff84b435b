package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.EventStats;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;

/** The durable spool: open, writable, not full, nothing quarantined. Stateless; thread-safe. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + SpoolHealthCheck.NAME,
        HealthCheck.TAGS + "=" + PipelineHealthCheck.TAG, HealthCheck.MBEAN_NAME + "=rodentEventsSpool"})
public final class SpoolHealthCheck extends PipelineHealthCheck {
    static final String NAME = "Rodent Events: spool";

    @Override
    Result assess(EventStats stats) {
        EventStats.Spool spool = stats.store().spool();
        if (spool == null) {
            return new Result(Result.Status.CRITICAL, "the spool could not open: events are held in memory only"
                    + " and are lost if the node stops (state " + stats.store().state() + ")");
        }
        String where = "the spool in " + spool.directory();
        return switch (spool.state()) {
            case "disk_error" -> new Result(Result.Status.CRITICAL, where + " cannot write to disk (" + spool.diskErrors()
                    + " disk errors): " + spool.lastError());
            case "full" -> new Result(Result.Status.CRITICAL, where + " is full (" + spool.bytes() + " of " + spool.capacityBytes()
                    + " bytes): new events follow the overflow policy '" + spool.overflowPolicy() + "' until Toggle takes some");
            case "ok" -> healthy(spool, where);
            default -> new Result(Result.Status.CRITICAL, where + " is in state '" + spool.state() + "': " + spool.lastError());
        };
    }

    private static Result healthy(EventStats.Spool spool, String where) {
        if (spool.quarantinedRecords() > 0) {
            return new Result(Result.Status.WARN, spool.quarantinedRecords() + " records (" + spool.quarantinedBytes()
                    + " bytes) of " + where + " could not be read and are quarantined");
        }
        if (spool.diskErrors() > 0) {
            return new Result(Result.Status.WARN, where + " recovered from " + spool.diskErrors() + " disk errors; the last: "
                    + spool.lastError());
        }
        return new Result(Result.Status.OK, where + " holds " + spool.bytes() + " of " + spool.capacityBytes() + " bytes");
    }
}
