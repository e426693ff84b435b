package io.stratastor.rodent.events.shell.karaf.completion;

import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes the word at the cursor with those of {@link #values(CommandLine)} it starts. Karaf makes one
 * instance per completer class and injects its references before each use; thread-safe as its subclasses are.
 */
abstract class ValueCompleter implements Completer {
    /** The values the word at the cursor of {@code line} may take, now; never null. */
    abstract List<String> values(CommandLine line);

    @Override
    public int complete(Session session, CommandLine line, List<String> candidates) {
        return new StringsCompleter(values(line)).complete(session, line, candidates);
    }
}
