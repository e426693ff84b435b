package io.stratastor.rodent.events.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference Toggle ({@code tools/toggle-sink.jar}) as a child process: its stdout is copied
 * line by line to ours by a pump thread, which also keeps the counts line it prints when stopped.
 * Start, stop and read from one thread; the pump is its own.
 */
final class ToggleSinkProcess {
    private static final Pattern UNIQUE = Pattern.compile("\\bunique=(\\d+)\\b");
    private static final Pattern UNDECODABLE = Pattern.compile("\\bundecodable=(\\d+)\\b");
    private static final String COUNTS_PREFIX = "toggle-sink: received=";

    private final Process process;
    private final Thread pump;
    private volatile String countsLine;

    private ToggleSinkProcess(Process process, PrintStream out) {
        this.process = process;
        this.pump = new Thread(() -> copy(out), "toggle-sink-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** The java command of this JVM, for the child processes. */
    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts a sink on an ephemeral loopback port accepting tokens signed with the secret in
     * {@code secretFile} and reading wire generation {@code schema}.
     */
    static ToggleSinkProcess start(Path jar, Path secretFile, Path portFile, String schema, PrintStream out) throws IOException {
        List<String> command = List.of(javaCommand(), "-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--port-file", portFile.toString(), "--secret-file", secretFile.toString(), "--schema", schema);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new ToggleSinkProcess(process, out);
    }

    /** Mints a token with {@code mint-token --secret-file}; the output is the token alone. */
    static String mintToken(Path jar, Path secretFile, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand(), "-jar", jar.toString(), "mint-token", "--secret-file", secretFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("mint-token did not finish within " + timeout.toSeconds() + " s");
        }
        String token = new String(output, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0 || token.isEmpty() || token.contains("\n")) {
            throw new IOException("mint-token failed (exit " + process.exitValue() + ")");
        }
        return token;
    }

    /** Waits for the sink to write its port; fails when it exits first or the timeout passes. */
    int awaitPort(Path portFile, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // The sink writes the file aside and moves it in place, so a present file is complete.
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
            }
            if (!process.isAlive()) {
                throw new IOException("the reference Toggle exited with status " + process.exitValue() + " before listening");
            }
            Thread.sleep(50);
        }
        throw new IOException("the reference Toggle did not listen within " + timeout.toSeconds() + " s");
    }

    /**
     * Sends SIGTERM, so the sink prints its counts, and waits for it and its output.
     *
     * @return the counts line, or null when the sink printed none
     */
    String stop(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of its stdout before the counts arrive.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        pump.join(timeout.toMillis());
        return countsLine;
    }

    /** Kills the sink at once; for a launcher that is itself being stopped. */
    void kill() {
        process.destroyForcibly();
    }

    /** The {@code unique=} count of a counts line. */
    static OptionalLong uniqueCount(String countsLine) {
        return count(UNIQUE, countsLine);
    }

    /** The {@code undecodable=} count of a counts line: events Toggle kept but could not decode in its generation. */
    static OptionalLong undecodableCount(String countsLine) {
        return count(UNDECODABLE, countsLine);
    }

    private static OptionalLong count(Pattern pattern, String countsLine) {
        if (countsLine == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = pattern.matcher(countsLine);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private void copy(PrintStream out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(COUNTS_PREFIX)) {
                    countsLine = line;
                }
                out.println(line);
            }
        } catch (IOException e) {
            out.println("rodent-events: lost the reference Toggle's output: " + e.getMessage());
        }
    }
}
