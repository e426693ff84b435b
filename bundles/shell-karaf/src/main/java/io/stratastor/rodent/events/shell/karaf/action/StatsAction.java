package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import org.osgi.framework.BundleContext;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:stats}, run by the shell's {@code StatsCommand}. One instance per call. */
@Command(scope = "events", name = "stats", description = "Show the event system's counters and settings (emitted, sent, pending,"
        + " toggle state, ...) and its health")
@Service
public final class StatsAction implements Action {
    // Optional: the command says so while the core is not running.
    @Reference(optional = true)
    private EventSystem system;

    // Its health line looks Felix Health Checks up by name: they are optional.
    @Reference
    private BundleContext context;

    @Override
    public Object execute() {
        return ShellCommands.stats(system, context).stats();
    }
}
