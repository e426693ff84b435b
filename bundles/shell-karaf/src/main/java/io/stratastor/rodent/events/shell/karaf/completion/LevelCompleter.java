package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.api.Level;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;

/** The levels' labels ({@code info}, {@code warn}, ...). Immutable and thread-safe. */
@Service
public final class LevelCompleter extends ValueCompleter {
    static final List<String> LABELS = Stream.of(Level.values()).map(Level::label).toList();

    @Override
    List<String> values(CommandLine line) {
        return LABELS;
    }
}
