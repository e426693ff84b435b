package io.stratastor.rodent.events.shell.karaf.action;

import io.stratastor.rodent.events.api.CategoryEmitter;
import io.stratastor.rodent.events.shell.impl.ShellCommands;
import io.stratastor.rodent.events.shell.karaf.completion.EmitOptionsCompleter;
import io.stratastor.rodent.events.shell.karaf.completion.EventTypeCompleter;
import io.stratastor.rodent.events.shell.karaf.completion.LevelCompleter;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code events:emit}, run by the shell's {@code EmitCommand}. One instance per call. */
@Command(scope = "events", name = "emit", description = "Emit an event through its category's emitter; prints 'emitted N TYPE"
        + " (category, level)' or one 'error:' line. Quote JSON in single quotes: --payload '{\"pool_name\": \"tank\"}'")
@Service
public final class EmitAction implements Action {
    // Optional: without category bundles the command names the missing category.
    @Reference(optional = true)
    private List<CategoryEmitter> emitters;

    @Argument(index = 0, name = "type", required = true, description = "the event type, e.g. storage.pool.created")
    @Completion(EventTypeCompleter.class)
    private String type;

    // Karaf reads options only before the first argument; README's form puts them after the type.
    @Argument(index = 1, name = "options", multiValued = true, description = "the options, after the type as well:"
            + " --level L --source S --meta key=value --payload JSON --count N --rate R")
    @Completion(EmitOptionsCompleter.class)
    private List<String> afterType;

    @Option(name = "--level", description = "info (default), warn, error, critical, essential, debug or trace")
    @Completion(LevelCompleter.class)
    private String level;

    @Option(name = "--source", description = "the emitting module; the type's default source when left out")
    private String source;

    @Option(name = "--meta", multiValued = true, description = "metadata key=value; repeat for more")
    private List<String> meta;

    @Option(name = "--payload", description = "the payload as JSON, in single quotes")
    private String payload;

    @Option(name = "--count", description = "emit N events (default 1); a long run prints its progress every second")
    private String count;

    @Option(name = "--rate", description = "at most this many events per second")
    private String rate;

    @Override
    public Object execute() {
        String[] words = new Words().word(type).option("--level", level).option("--source", source).repeated("--meta", meta)
                .option("--payload", payload).option("--count", count).option("--rate", rate).words(afterType).toArray();
        return ShellCommands.emit(emitters == null ? List.of() : emitters).emit(words);
    }
}
