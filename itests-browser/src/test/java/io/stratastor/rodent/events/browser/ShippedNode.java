package io.stratastor.rodent.events.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution, copied to a folder of its own and run as a child process with its Gogo
 * shell on a pipe (so the test can emit events while the page is open) and its Web Console on a free
 * port. Stopped by closing the shell's input, which stops the framework gracefully.
 */
final class ShippedNode implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120);

    private final Path home;
    private final Path output;
    private final Process process;
    private final OutputStream shell;
    private final int consolePort;

    private ShippedNode(Path home, Path output, Process process, int consolePort) {
        this.home = home;
        this.output = output;
        this.process = process;
        this.shell = process.getOutputStream();
        this.consolePort = consolePort;
    }

    /** Copies the distribution to {@code work}/node and starts it with {@code config}, waiting until the core reports. */
    static ShippedNode start(Path work, Path config) throws IOException {
        Path home = copyDistribution(work.resolve("node"));
        int port = freePort();
        // Kept after the test, for a failure's diagnosis.
        Path output = Files.createDirectories(Path.of(System.getProperty("browser.logs"))).resolve("node.out");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/rodent-events").toString(), "--config", config.toString(),
                "--interactive").redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_OPTS", "-Drodent.events.console.port=" + port);
        ShippedNode node = new ShippedNode(home, output, builder.start(), port);
        await("the node's health summary").atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> !node.process.isAlive() || node.output().contains("rodent-events: health:"));
        if (!node.process.isAlive()) {
            throw new IllegalStateException("the node stopped at start:\n" + node.output());
        }
        return node;
    }

    // A copy of its own: the node's data (spool, dead letters, password) stays this test's.
    private static Path copyDistribution(Path to) throws IOException {
        Path from = Path.of(System.getProperty("browser.distribution"));
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    // Closed before the node binds it: another process could take it in between, which fails the start visibly.
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs one Gogo command in the node's shell; its output goes to {@link #output()}. */
    void command(String line) {
        try {
            shell.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            shell.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the node's shell: " + line, e);
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + consolePort + "/system/console/rodent-events";
    }

    int consolePort() {
        return consolePort;
    }

    Path passwordFile() {
        return home.resolve("data").resolve("webconsole.password");
    }

    String password() throws IOException {
        return Files.readString(passwordFile(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        shell.close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the node did not stop within 90 s of its shell's end:\n" + output());
        }
    }
}
