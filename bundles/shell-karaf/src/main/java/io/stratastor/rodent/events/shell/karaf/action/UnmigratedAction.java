package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:unmigrated}, run by the shell's {@code UnmigratedCommand}. One instance per call. */
@Command(scope = "events", name = "unmigrated", description = "List the event types outside the catalogue that modules still send"
        + " through the old API: type, category, source, count, first seen")
@Service
public final class UnmigratedAction implements Action {
    // Optional: the command says so while the core is not running.
    @Reference(optional = true)
    private EventSystem system;

    @Override
    public Object execute() {
        return ShellCommands.unmigrated(system).unmigrated();
    }
}
