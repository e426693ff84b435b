package io.stratastor.rodent.events.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link ReceiverMain} in a JVM of its own, on this JVM's class path, driven over its standard
 * input and output; its CPU is read from /proc. The receiver's clock is {@link System#nanoTime},
 * which on Linux is the monotonic clock every process shares, so its time of the last record can
 * be set beside this JVM's times. Not thread-safe: the harness's thread only.
 */
final class ReceiverProcess implements AutoCloseable {
    /** What the receiver counted; {@code bytes} and {@code lastRecordNanos} are -1 where it does not keep them. */
    record Stats(long records, long requests, long bytes, long refused, long lastRecordNanos) {
    }

    private final Process process;
    private final BufferedReader from;
    private final PrintWriter to;
    private final int port;

    private ReceiverProcess(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                ReceiverMain.class.getName()));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        to = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String first = from.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the receiver " + arguments + " did not start: it said " + first);
        }
        port = Integer.parseInt(first.substring("port ".length()).strip());
    }

    /** The reference Toggle, counting, reading {@code schema}. */
    static ReceiverProcess toggle(String schema) throws IOException {
        return new ReceiverProcess(List.of("toggle", schema));
    }

    /** The counting OTLP collector. */
    static ReceiverProcess otlp() throws IOException {
        return new ReceiverProcess(List.of("otlp"));
    }

    int port() {
        return port;
    }

    Stats stats() {
        String line = ask("stats");
        String[] figures = line.split(" ");
        if (figures.length != 6 || !figures[0].equals("stats")) {
            throw new IllegalStateException("the receiver answered " + line + " to stats");
        }
        return new Stats(Long.parseLong(figures[1]), Long.parseLong(figures[2]), Long.parseLong(figures[3]), Long.parseLong(figures[4]),
                Long.parseLong(figures[5]));
    }

    void reset() {
        String line = ask("reset");
        if (!line.equals("reset")) {
            throw new IllegalStateException("the receiver answered " + line + " to reset");
        }
    }

    /**
     * Waits until the receiver has counted {@code records}, asking every half millisecond.
     *
     * @return whether it did within {@code timeout}
     */
    boolean awaitRecords(long records, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats().records() < records) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(500_000);
        }
        return true;
    }

    /** The receiver's CPU so far (user and system), in milliseconds; -1 where /proc is not there. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15, in ticks of 1/100 s.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private String ask(String command) {
        to.println(command);
        try {
            String line = from.readLine();
            if (line == null) {
                throw new IllegalStateException("the receiver ended (exit " + (process.isAlive() ? "none yet" : process.exitValue()) + ")");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        to.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
