package io.stratastor.rodent.events.shell.karaf.completion;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;

/**
 * The words after {@code events:emit TYPE}, where Karaf no longer parses options: the option names, and
 * after {@code --level} the levels; nothing after an option taking free text. Immutable and thread-safe.
 */
@Service
public final class EmitOptionsCompleter extends ValueCompleter {
    static final List<String> OPTIONS = List.of("--level", "--source", "--meta", "--payload", "--count", "--rate");

    @Override
    List<String> values(CommandLine line) {
        int index = line.getCursorArgumentIndex();
        String previous = index > 0 && index <= line.getArguments().length ? line.getArguments()[index - 1] : "";
        if (previous.equals("--level")) {
            return LevelCompleter.LABELS;
        }
        return OPTIONS.contains(previous) ? List.of() : OPTIONS;
    }
}
