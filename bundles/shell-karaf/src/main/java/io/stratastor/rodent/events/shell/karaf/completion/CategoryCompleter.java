package io.stratastor.rodent.events.shell.karaf.completion;

import io.stratastor.rodent.events.api.Category;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;

/** The categories' labels ({@code storage}, {@code data_transfer}, ...). Immutable and thread-safe. */
@Service
public final class CategoryCompleter extends ValueCompleter {
    private static final List<String> LABELS = Stream.of(Category.values()).map(Category::label).toList();

    @Override
    List<String> values(CommandLine line) {
        return LABELS;
    }
}
