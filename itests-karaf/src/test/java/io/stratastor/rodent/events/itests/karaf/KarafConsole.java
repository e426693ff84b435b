package io.stratastor.rodent.events.itests.karaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs command lines through Karaf's own shell, as a user at the console would: parsed by Karaf's
 * parser, dispatched to whatever registered the command (our osgi.command services included), the
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
}
