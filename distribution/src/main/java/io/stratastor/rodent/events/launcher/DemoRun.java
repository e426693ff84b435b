package io.stratastor.rodent.events.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * {@code --demo}: starts the reference Toggle in the wire generation of {@code --schema}, runs
 * {@code etc/demo.gogo} on a node configured to ship to it in that generation ({@code toggle.schema}), stops the node (which ships what it holds), stops the Toggle and compares what it
 * received with what the node accepted. Used from the main thread.
 */
final class DemoRun {
    static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);

    private final LauncherOptions options;
    private final PrintStream out;
    private final Launch launch;

    /** How the demo starts a node and runs a script on it; {@link Main} provides it. */
    interface Launch {
        /** Starts a non-interactive node reading {@code config}; returns it once ready, or null after printing why not. */
        FelixNode startReady(Path config) throws Exception;

        /** Runs the script on the node; returns the number of failed commands. */
        int runScript(FelixNode node, Path script) throws Exception;

        /** Stops the node gracefully. */
        boolean stop(FelixNode node);
    }

    DemoRun(LauncherOptions options, PrintStream out, Launch launch) {
        this.options = options;
        this.out = out;
        this.launch = launch;
    }

    /** Runs the demo; returns the exit status (0 when Toggle received every accepted event). */
    int run() throws Exception {
        Path home = options.home();
        Path jar = home.resolve("tools").resolve("toggle-sink.jar");
        Path script = home.resolve("etc").resolve("demo.gogo");
        Path base = options.configFile();
        for (Path required : new Path[] {jar, script, base}) {
            if (!Files.isRegularFile(required)) {
                out.println("rodent-events: --demo needs " + required + ", which is missing");
                return 1;
            }
        }
        Path work = Files.createTempDirectory("rodent-events-demo-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ToggleSinkProcess toggle = null;
        Thread killer = null;
        try {
            Path secret = writePrivate(work.resolve("toggle.secret"), randomSecret());
            Path portFile = work.resolve("toggle.port");
            out.println("rodent-events: starting the reference Toggle (" + jar + ", schema " + options.schema() + ")");
            toggle = ToggleSinkProcess.start(jar, secret, portFile, options.schema(), out);
            ToggleSinkProcess started = toggle;
            killer = new Thread(started::kill, "demo-toggle-kill");
            Runtime.getRuntime().addShutdownHook(killer);
            int port = toggle.awaitPort(portFile, CHILD_TIMEOUT);
            String token = ToggleSinkProcess.mintToken(jar, secret, CHILD_TIMEOUT);
            String yaml = DemoConfig.yaml(Files.readString(base, StandardCharsets.UTF_8), base.toString(), "127.0.0.1:" + port, token,
                    options.schema());
            Path config = writePrivate(work.resolve("rodent.yml"), yaml);
            return runNode(config, script, toggle);
        } finally {
            if (toggle != null) {
                toggle.kill();
            }
            if (killer != null) {
                removeHook(killer);
            }
            deleteTree(work);
        }
    }

    private int runNode(Path config, Path script, ToggleSinkProcess toggle) throws Exception {
        FelixNode node = launch.startReady(config);
        if (node == null) {
            return 1;
        }
        int failures;
        long accepted;
        try {
            failures = launch.runScript(node, script);
            Map<?, ?> stats = EventSystemProbe.stats(node.context()).orElse(Map.of());
            // And the node's own system.shutdown, which it emits as it stops.
            long emitted = EventSystemProbe.counter(stats, "emitted");
            accepted = emitted < 0 ? emitted : emitted + 1;
        } finally {
            out.println("rodent-events: stopping the node; the core ships what it holds");
            launch.stop(node);
        }
        String counts = toggle.stop(CHILD_TIMEOUT);
        return verdict(failures, accepted, counts);
    }

    int verdict(int failures, long accepted, String countsLine) {
        OptionalLong unique = ToggleSinkProcess.uniqueCount(countsLine);
        if (accepted < 0) {
            out.println("demo: FAILED: the node's EventSystem was not there to count the events it accepted");
            return 1;
        }
        if (unique.isEmpty()) {
            out.println("demo: FAILED: the reference Toggle printed no counts line when stopped");
            return 1;
        }
        if (unique.getAsLong() != accepted) {
            out.println("demo: FAILED: the node accepted " + accepted + " events but Toggle received " + unique.getAsLong()
                    + " unique ones (see the log above)");
            return 1;
        }
        long undecodable = ToggleSinkProcess.undecodableCount(countsLine).orElse(0);
        if (undecodable > 0) {
            out.println("demo: FAILED: Toggle received all " + accepted + " events, but " + undecodable + " do not decode as "
                    + options.schema() + " (their problems are in the log above)");
            return 1;
        }
        if (failures > 0) {
            out.println("demo: FAILED: " + failures + " command(s) of the script failed; Toggle received all " + accepted
                    + " events the node accepted");
            return 1;
        }
        out.println("demo: OK: the node accepted " + accepted + " events and Toggle received all " + accepted);
        return 0;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // Secret and token stay readable by this user only.
    private static Path writePrivate(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook, which kills the Toggle anyway.
            hook.interrupt();
        }
    }

    private void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            out.println("rodent-events: could not remove the demo's temporary folder " + folder + ": " + e.getMessage());
        }
    }
}
