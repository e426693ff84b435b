package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;

/** The batch ids of the dead letters kept now; none while the core is not running. Thread-safe. */
@Service
public final class BatchIdCompleter extends ValueCompleter {
    // Optional: without the core there is nothing to resend, and the completer offers nothing.
    @Reference(optional = true)
    private DeadLetterQueue deadLetters;

    public BatchIdCompleter() {
    }

    BatchIdCompleter(DeadLetterQueue deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    List<String> values(CommandLine line) {
        return ShellCommands.deadLetterIds(deadLetters);
    }
}
