package io.stratastor.rodent.events.itests.karaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;

/**
 * Runs command lines through Karaf's own shell, as a user at the console would: parsed by Karaf's
 * parser, dispatched to whatever registered the command (our Karaf-native commands included), the
 * result printed the way the console prints it. Probe side; one session per command, so thread-safe.
 */
final class KarafConsole {
    private final SessionFactory sessions;

    KarafConsole(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** What the console shows for {@code commandLine}: everything the command printed, then its result. */
    String run(String commandLine) throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8)) {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = session.execute(commandLine);
                if (result != null) {
                    out.println(result);
                }
            } finally {
                session.close();
            }
        }
        return shown.toString(StandardCharsets.UTF_8).strip();
    }

    /** {@code events:stats} as a map: one {@code key  value} line per entry, values as shown ({@code -} for empty). */
    Map<String, String> stats() throws Exception {
        Map<String, String> stats = new LinkedHashMap<>();
        for (String line : run("events:stats").split("\\R")) {
            String[] keyAndValue = line.strip().split("\\s{2,}", 2);
            if (keyAndValue.length != 2) {
                throw new AssertionError("events:stats line is not 'key  value': '" + line + "'");
            }
            stats.put(keyAndValue[0], keyAndValue[1]);
        }
        return stats;
    }

    // Karaf-native events:* commands with completion
    /**
     * What Tab offers at the end of {@code typed} (words split at single blanks, the last one maybe empty), as
     * the console asks it: the completer of the one command named by the first word, which Karaf built from
     * its options, arguments and their {@code @Completion}. Fails unless exactly one command has that name.
     */
    List<String> complete(String typed) throws Exception {
        String[] words = typed.split(" ", -1);
        String[] scopeAndName = words[0].split(":", 2);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), System.out, System.err);
        try {
            List<Command> named = session.getRegistry().getCommands().stream()
                    .filter(c -> c.getScope().equals(scopeAndName[0]) && c.getName().equals(scopeAndName[1])).toList();
            if (named.size() != 1) {
                throw new AssertionError(named.size() + " commands named " + words[0] + ", expected one");
            }
            List<String> candidates = new ArrayList<>();
            String last = words[words.length - 1];
            named.get(0).getCompleter(true).complete(session,
                    new CommandLineImpl(words, words.length - 1, last.length(), typed.length(), typed), candidates);
            return candidates.stream().map(String::strip).sorted().toList();
        } finally {
            session.close();
        }
    }
}
