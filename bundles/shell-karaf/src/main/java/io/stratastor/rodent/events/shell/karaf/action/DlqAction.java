package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.DeadLetterQueue;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import io.stratastor.rodent.events.shell.karaf.completion.BatchIdCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:dlq}, run by the shell's {@code DlqCommand}. One instance per call. */
@Command(scope = "events", name = "dlq", description = "List the batches Toggle refused for good (success=false), or send them"
        + " again once the cause is fixed")
@Service
public final class DlqAction implements Action {
    // Optional: the command says so while the core is not running.
    @Reference(optional = true)
    private DeadLetterQueue deadLetters;

    @Option(name = "--resend", aliases = "-r", description = "send this kept batch again")
    @Completion(BatchIdCompleter.class)
    private String resend;

    @Option(name = "--resend-all", aliases = "-a", description = "send every kept batch again")
    private boolean resendAll;

    @Override
    public Object execute() {
        return ShellCommands.dlq(deadLetters).dlq(new Words().option("--resend", resend).flag("--resend-all", resendAll).toArray());
    }
}
