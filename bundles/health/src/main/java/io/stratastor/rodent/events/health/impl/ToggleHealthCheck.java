package io.stratastor.rodent.events.health.impl;

import io.stratastor.rodent.events.api.EventStats;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;

/** Toggle reachable and accepting the token, from the shipper's view of it. Stateless; thread-safe. */
@Component(service = HealthCheck.class, property = {HealthCheck.NAME + "=" + ToggleHealthCheck.NAME,
        HealthCheck.TAGS + "=" + PipelineHealthCheck.TAG, HealthCheck.MBEAN_NAME + "=rodentEventsToggle"})
public final class ToggleHealthCheck extends PipelineHealthCheck {
    static final String NAME = "Rodent Events: Toggle";

    @Override
    Result assess(EventStats stats) {
        EventStats.Shipping shipping = stats.shipping();
        String toggle = "Toggle at " + shipping.toggleAddress();
        String waiting = stats.store().pending() + " events wait on the node";
        return switch (shipping.toggleState()) {
            case "connected" -> new Result(Result.Status.OK, toggle + " accepts the events: " + shipping.sent() + " sent, " + waiting);
            case "connecting" -> new Result(Result.Status.OK, "connecting to " + toggle + "; nothing sent yet, " + waiting);
            case "not_configured" -> new Result(Result.Status.WARN,
                    "no Toggle address is configured (toggle.address): nothing is shipped, " + waiting);
            case "unavailable" -> new Result(Result.Status.CRITICAL, toggle + " is not reachable ("
                    + lastError(shipping) + "); " + waiting + ", " + shipping.failedSends() + " failed sends");
            case "auth_failed" -> new Result(Result.Status.CRITICAL, toggle + " refuses the token (" + shipping.authFailures()
                    + " refused sends): set a valid toggle.jwt or toggle.jwt_file; " + waiting);
            default -> new Result(Result.Status.WARN, toggle + " is in an unknown state '" + shipping.toggleState() + "'");
        };
    }

    private static String lastError(EventStats.Shipping shipping) {
        return shipping.lastError().isEmpty() ? "no error recorded" : shipping.lastError();
    }
}
