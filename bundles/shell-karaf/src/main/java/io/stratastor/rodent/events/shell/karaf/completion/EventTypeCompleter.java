package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.shell.impl.ShellCommands;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;

/** The event types of the catalogue ({@code storage.pool.created}, ...). Immutable and thread-safe. */
@Service
public final class EventTypeCompleter extends ValueCompleter {
    private final List<String> types = ShellCommands.eventTypes();

    @Override
    List<String> values(CommandLine line) {
        return types;
    }
}
