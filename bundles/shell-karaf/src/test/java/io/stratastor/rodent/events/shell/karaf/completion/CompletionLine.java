package io.stratastor.rodent.events.shell.karaf.completion;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;

/** A command line typed up to its end, with the cursor after its last word, and what a completer offers there. */
final class CompletionLine {
    private CompletionLine() {
    }

    /** The line of {@code words}, the last being the (maybe empty) word at the cursor. */
    static CommandLine of(String... words) {
        String buffer = String.join(" ", words);
        String last = words[words.length - 1];
        return new CommandLineImpl(words, words.length - 1, last.length(), buffer.length(), buffer);
    }

    /** The candidates {@code completer} offers for the last of {@code words}, without the trailing blank Karaf adds. */
    static List<String> candidates(Completer completer, String... words) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, of(words), candidates);
        return candidates.stream().map(String::strip).toList();
    }
}
