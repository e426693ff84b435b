package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.shell.impl.RecentEvents;
import io.stratastor.rodent.events.shell.impl.TailCommand;
import io.stratastor.rodent.events.shell.karaf.completion.CategoryCompleter;
import io.stratastor.rodent.events.shell.karaf.completion.EventTypeCompleter;
import io.stratastor.rodent.events.shell.karaf.completion.LevelCompleter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:tail}, run by the shell's {@code TailCommand} on this bundle's tail of recent events. One instance per call. */
@Command(scope = "events", name = "tail", description = "Show recent events, one line each: time (UTC), level, category, type,"
        + " source, {metadata}, payload JSON. With -f, go on with new events until Ctrl-C")
@Service
public final class TailAction implements Action {
    @Reference
    private RecentEvents recent;

    @Option(name = "--lines", aliases = "-n", description = "the last N events (default 20; with -f, shown before following)")
    private String lines;

    @Option(name = "--follow", aliases = "-f", description = "then follow new events until Ctrl-C")
    private boolean follow;

    @Option(name = "--level", description = "this level and above (trace, debug, info, warn, error or essential, critical)")
    @Completion(LevelCompleter.class)
    private String level;

    @Option(name = "--category", description = "one category")
    @Completion(CategoryCompleter.class)
    private String category;

    @Option(name = "--type", description = "a type, a dotted prefix (storage.pool) or a quoted glob ('storage.*.created')")
    @Completion(EventTypeCompleter.class)
    private String type;

    @Override
    public Object execute() {
        return new TailCommand(recent).tail(new Words().option("--lines", lines).flag("--follow", follow).option("--level", level)
                .option("--category", category).option("--type", type).toArray());
    }
}
