package io.stratastor.rodent.events.launcher;

import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Reads {@code EventSystem.stats()} from outside the framework, by reflection through the
 * interface as the registering bundle sees it. Stateless.
 */
final class EventSystemProbe {
    static final String EVENT_SYSTEM = "io.stratastor.rodent.events.api.EventSystem";

    private EventSystemProbe() {
    }

    /** The stats, or empty when no EventSystem is registered. */
    static Optional<Map<?, ?>> stats(BundleContext context) throws ReflectiveOperationException {
        ServiceReference<?> reference = context.getServiceReference(EVENT_SYSTEM);
        if (reference == null) {
            return Optional.empty();
        }
        Object service = context.getService(reference);
        try {
            if (service == null) {
                return Optional.empty();
            }
            Class<?> type = reference.getBundle().loadClass(EVENT_SYSTEM);
            return Optional.of((Map<?, ?>) type.getMethod("stats").invoke(service));
        } finally {
            context.ungetService(reference);
        }
    }

    /** A counter of the stats as a long; -1 when absent or not a number. */
    static long counter(Map<?, ?> stats, String key) {
        return stats.get(key) instanceof Number number ? number.longValue() : -1;
    }
}
