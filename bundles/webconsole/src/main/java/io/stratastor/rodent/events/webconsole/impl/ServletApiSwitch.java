package io.stratastor.rodent.events.webconsole.impl;

import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enables the one servlet adapter whose contract this bundle's optional imports wired: jakarta
 * (Felix Web Console 5) when present, else javax (Karaf's Web Console 4). Enabling both would show
 * the page twice where a framework provides both. Runs once, at activation.
 */
@Component(service = {}, immediate = true)
public final class ServletApiSwitch {
    // Names, not class literals: loading the adapter of a missing contract would fail.
    static final String JAKARTA_PLUGIN = "io.stratastor.rodent.events.webconsole.impl.jakarta.JakartaConsolePlugin";
    static final String JAVAX_PLUGIN = "io.stratastor.rodent.events.webconsole.impl.javax.JavaxConsolePlugin";
    private static final Logger LOG = LoggerFactory.getLogger(ServletApiSwitch.class);

    @Activate
    public ServletApiSwitch(ComponentContext context) {
        BundleWiring wiring = context.getBundleContext().getBundle().adapt(BundleWiring.class);
        if (wired(wiring, "jakarta.servlet.http")) {
            context.enableComponent(JAKARTA_PLUGIN);
            LOG.info("Web Console page rodent-events: serving on jakarta.servlet (Felix Web Console 5)");
        } else if (wired(wiring, "javax.servlet.http")) {
            context.enableComponent(JAVAX_PLUGIN);
            LOG.info("Web Console page rodent-events: serving on javax.servlet (Felix Web Console 4)");
        } else {
            LOG.error("Web Console page rodent-events not served: neither jakarta.servlet.http nor javax.servlet.http is exported"
                    + " in this framework (install an HTTP service and the Felix Web Console)");
        }
    }

    private static boolean wired(BundleWiring wiring, String packageName) {
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (packageName.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }
}
