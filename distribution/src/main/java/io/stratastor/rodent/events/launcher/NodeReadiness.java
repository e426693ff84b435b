package io.stratastor.rodent.events.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Waits until a scripted run can begin: the Gogo {@code CommandProcessor} is registered, the
 * {@code events:*} commands are, and every installed bundle that declares an {@code EventSystem}
 * (the core) or a {@code CategoryEmitter} (the category bundles) service has registered it. Used
 * from one thread.
 */
final class NodeReadiness {
    static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    static final String CATEGORY_EMITTER = "io.stratastor.rodent.events.api.CategoryEmitter";
    static final List<String> AWAITED_SERVICES = List.of(EventSystemProbe.EVENT_SYSTEM, CATEGORY_EMITTER);
    static final List<String> EVENTS_FUNCTIONS = List.of("stats", "emit");
    private static final long POLL_MILLIS = 50;

    private final BundleContext context;

    NodeReadiness(BundleContext context) {
        this.context = context;
    }

    /**
     * Waits up to {@code timeout}.
     *
     * @return what is still missing, one phrase each; empty when the node is ready
     */
    List<String> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = missing();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            // A launcher outside the framework polls rather than registering listeners it must then remove.
            Thread.sleep(POLL_MILLIS);
            missing = missing();
        }
        return missing;
    }

    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (context.getServiceReference(COMMAND_PROCESSOR) == null) {
            missing.add("the Gogo command processor (bundle org.apache.felix.gogo.runtime)");
        }
        for (String function : EVENTS_FUNCTIONS) {
            if (references("(&(osgi.command.scope=events)(osgi.command.function=" + function + "))", null).isEmpty()) {
                missing.add("the events:" + function + " command (bundle io.stratastor.rodent.events.shell)");
            }
        }
        for (Bundle bundle : context.getBundles()) {
            for (String service : AWAITED_SERVICES) {
                if (declares(bundle, service) && !registers(bundle, service)) {
                    missing.add("the " + service.substring(service.lastIndexOf('.') + 1) + " of bundle " + bundle.getSymbolicName()
                            + " (" + stateOf(bundle) + (bundle.getState() == Bundle.ACTIVE ? ", its component not satisfied" : "") + ")");
                }
            }
        }
        return missing;
    }

    /** One line per bundle that is not active (fragments excepted), for a timeout message. */
    List<String> inactiveBundles() {
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE && !FelixNode.isFragment(bundle)) {
                inactive.add(bundle.getSymbolicName() + " " + stateOf(bundle));
            }
        }
        return inactive;
    }

    // bnd declares each DS service of a bundle as an osgi.service capability.
    private static boolean declares(Bundle bundle, String service) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability capability : revision.getDeclaredCapabilities("osgi.service")) {
            Object classes = capability.getAttributes().get("objectClass");
            if (classes instanceof Collection<?> names && names.contains(service)) {
                return true;
            }
        }
        return false;
    }

    private static boolean registers(Bundle bundle, String service) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        return Arrays.stream(registered).anyMatch(reference ->
                Arrays.asList((String[]) reference.getProperty("objectClass")).contains(service));
    }

    private List<ServiceReference<?>> references(String filter, String className) {
        try {
            ServiceReference<?>[] found = context.getAllServiceReferences(className, filter);
            return found == null ? List.of() : Arrays.asList(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + filter, e);
        }
    }

    static String stateOf(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved, not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }
}
