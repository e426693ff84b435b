package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:spool}, run by the shell's {@code SpoolCommand}. One instance per call. */
@Command(scope = "events", name = "spool", description = "Show the spool's figures: its spool_* stats, pending, oldest_pending_age_ms,"
        + " acknowledged, quarantined_records and dead_lettered")
@Service
public final class SpoolAction implements Action {
    // Optional: the command says so while the core is not running.
    @Reference(optional = true)
    private EventSystem system;

    @Override
    public Object execute() {
        return ShellCommands.spool(system).spool();
    }
}
