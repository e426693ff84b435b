package io.stratastor.rodent.events.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/**
 * The node's one-line health summary at start, from {@code EventSystem.stats()}: the Toggle
 * connection, the backlog, and what the filters let through. Stateless.
 */
final class HealthSummary {
    static final Duration CORE_TIMEOUT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 50;
    private static final int ALL_CATEGORIES = 8;

    private HealthSummary() {
    }

    /**
     * Waits at most {@code timeout} for the core's {@code EventSystem} to report initialized stats.
     *
     * @return the stats, or empty when the core did not come up in time
     */
    static Optional<Map<?, ?>> awaitCore(BundleContext context, Duration timeout) throws InterruptedException, ReflectiveOperationException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Map<?, ?>> stats = EventSystemProbe.stats(context);
            if (stats.isPresent() && Boolean.TRUE.equals(stats.get().get("initialized"))) {
                return stats;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            // A launcher outside the framework polls rather than registering listeners it must then remove.
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * {@code health: toggle connected to host:port (token set); pending 3 (oldest 1200 ms); levels ...; categories ...}.
     * Figures the core does not report show as {@code -}.
     */
    static String format(Map<?, ?> stats) {
        String address = figure(stats, "toggle_address");
        String state = figure(stats, "toggle_state");
        String toggle = "toggle " + state + ("-".equals(address) ? " (no toggle.address set" : " (" + address)
                + ", token " + figure(stats, "toggle_token") + ")";
        String backlog = "pending " + figure(stats, "pending") + " (oldest " + figure(stats, "oldest_pending_age_ms") + " ms)";
        String categories = figure(stats, "enabled_categories");
        return "health: " + toggle + "; " + backlog + "; levels " + figure(stats, "enabled_levels") + "; categories "
                + ("-".equals(categories) || categories.split(",").length == ALL_CATEGORIES ? "all" : categories);
    }

    /** Said when the core did not come up. */
    static String notUp(Duration timeout) {
        return "health: the events core is not up after " + timeout.toSeconds() + " s (no initialized EventSystem);"
                + " see data/log/rodent-events.log and scr:list";
    }

    private static String figure(Map<?, ?> stats, String key) {
        Object value = stats.get(key);
        String text = value == null ? "" : FelixNode.oneLine(String.valueOf(value));
        return text.isEmpty() ? "-" : text;
    }
}
