package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.EventSystem;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:flush}, run by the shell's {@code FlushCommand}. One instance per call. */
@Command(scope = "events", name = "flush", description = "Ship the pending events now and wait until Toggle acknowledged them")
@Service
public final class FlushAction implements Action {
    // Optional: the command says so while the core is not running.
    @Reference(optional = true)
    private EventSystem system;

    @Option(name = "--timeout", aliases = "-t", description = "how long to wait at most, in seconds (default 10, fractions allowed,"
            + " up to 3600)")
    private String timeout;

    @Override
    public Object execute() {
        return ShellCommands.flush(system).flush(new Words().option("--timeout", timeout).toArray());
    }
}
