package io.stratastor.rodent.events.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a Rodent Events node: Felix 7 with every bundle of {@code <home>/bundle}, configured by
 * {@code etc/rodent.yml}, then runs the Gogo shell, a script or the demo, or waits for SIGTERM.
 * A command-line main: it prints to stdout and stderr. Exit status 0 on success, 1 on a failure,
 * 2 on a bad command line. Runs on the main thread, plus the shutdown hook that stops the node on
 * SIGTERM or SIGINT.
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;
    // 128 + SIGINT, as the JVM exits on SIGINT by itself.
    static final int EXIT_INTERRUPTED = 130;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    // Longer than the core's default shutdown_timeout (10 s), so it can ship what it holds.
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    int run(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, defaultHome());
            if (options.help()) {
                out.print(LauncherOptions.USAGE);
                return EXIT_OK;
            }
            checkFiles(options);
        } catch (UsageException e) {
            err.println("rodent-events: " + e.getMessage() + "; " + LauncherOptions.HINT);
            return EXIT_USAGE;
        }
        configureLogging(options.home(), options.logLevel());
        try {
            return switch (options.mode(System.console() != null)) {
                case DEMO -> new DemoRun(options, out, new DemoLaunch(options)).run();
                case SCRIPT -> runScript(options);
                case INTERACTIVE -> runUntilStopped(options, true);
                case SERVICE -> runUntilStopped(options, false);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rodent-events: interrupted");
            return EXIT_FAILURE;
        } catch (Exception e) {
            err.println("rodent-events: " + e.getClass().getSimpleName() + ": " + FelixNode.oneLine(e.getMessage()));
            return EXIT_FAILURE;
        }
    }

    private static void checkFiles(LauncherOptions options) throws UsageException {
        if (!Files.isDirectory(options.home().resolve("bundle"))) {
            throw new UsageException(options.home() + " has no bundle/ folder; give the distribution's folder with --home DIR");
        }
        if (options.config() != null && !Files.isRegularFile(options.config())) {
            throw new UsageException("--config " + options.config() + " is not a file");
        }
        if (options.script() != null && !Files.isRegularFile(options.script())) {
            throw new UsageException("--script " + options.script() + " is not a file");
        }
    }

    /** The system property logback reads its configuration file from. */
    static final String LOGBACK_CONFIG = "logback.configurationFile";
    /** The system properties etc/logback.xml reads: the distribution's folder and the root level. */
    static final String HOME_PROPERTY = "rodent.events.home";
    static final String LOG_LEVEL_PROPERTY = "rodent.events.log.level";

    // Logback reads these when the first logger is made, inside the framework; -D options in JAVA_OPTS
    // win, but --log-level wins over them.
    static void configureLogging(Path home, String level) {
        System.getProperties().putIfAbsent(LOGBACK_CONFIG, home.resolve("etc").resolve("logback.xml").toAbsolutePath().toString());
        System.getProperties().putIfAbsent(HOME_PROPERTY, home.toAbsolutePath().toString());
        if (level != null) {
            System.setProperty(LOG_LEVEL_PROPERTY, level);
        } else {
            System.getProperties().putIfAbsent(LOG_LEVEL_PROPERTY, "info");
        }
    }

    private int runUntilStopped(LauncherOptions options, boolean interactive) throws Exception {
        FelixNode node = startNode(options.home(), options.configFile(), interactive);
        if (interactive) {
            // At the prompt Ctrl-C stops the node as before: exiting runs the shutdown hook.
            if (!new ConsoleInterrupts(() -> System.exit(EXIT_INTERRUPTED)).install(node.context())) {
                err.println("rodent-events: no Gogo runtime; Ctrl-C stops the node");
            }
        } else {
            out.println("rodent-events: running; stop with SIGTERM or SIGINT");
        }
        node.awaitStop();
        return EXIT_OK;
    }

    private int runScript(LauncherOptions options) throws Exception {
        FelixNode node = startReady(options.home(), options.configFile());
        if (node == null) {
            return EXIT_FAILURE;
        }
        int failures;
        try {
            failures = new GogoScript(node.context(), out).run(options.script());
        } finally {
            node.stop(STOP_TIMEOUT);
        }
        if (failures > 0) {
            err.println("rodent-events: " + failures + " command(s) of " + options.script() + " failed");
            return EXIT_FAILURE;
        }
        return EXIT_OK;
    }

    FelixNode startNode(Path home, Path config, boolean interactive) throws Exception {
        FelixNode node = new FelixNode(home, err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(node), "rodent-events-shutdown"));
        Map<String, String> properties = FelixNode.frameworkProperties(home, config, interactive);
        // Web Console: its password from data/webconsole.password, never the console's admin/admin.
        properties.putAll(ConsoleAccess.credentials(home));
        List<String> failures = node.start(properties);
        for (String failure : failures) {
            err.println("rodent-events: " + failure);
        }
        if (!Files.isRegularFile(config)) {
            err.println("rodent-events: " + config + " does not exist; the node runs on its defaults");
        }
        out.println("rodent-events: node started from " + home + " with configuration " + config);
        // Web Console: where it is and where its password is, never the password.
        out.println("rodent-events: Web Console on http://" + ConsoleAccess.HOST + ":" + properties.get(ConsoleAccess.HTTP_PORT)
                + "/system/console/rodent-events (this host only), user " + ConsoleAccess.USER + ", password in "
                + ConsoleAccess.passwordFile(home));
        reportHealth(node);
        for (String failure : node.startDeferred()) {
            err.println("rodent-events: " + failure);
        }
        return node;
    }

    // Once the core is up, before the shell's prompt: printed, and logged with the node's logs.
    private void reportHealth(FelixNode node) throws InterruptedException, ReflectiveOperationException {
        LauncherLog log = LauncherLog.of(node.context());
        Optional<Map<?, ?>> stats = HealthSummary.awaitCore(node.context(), HealthSummary.CORE_TIMEOUT);
        if (stats.isPresent()) {
            String summary = HealthSummary.format(stats.get());
            out.println("rodent-events: " + summary);
            log.info(summary);
        } else {
            String summary = HealthSummary.notUp(HealthSummary.CORE_TIMEOUT);
            err.println("rodent-events: " + summary);
            log.warn(summary);
        }
    }

    // SIGTERM or SIGINT: the JVM runs this hook; a node the launcher already stopped is left alone.
    private void stopOnSignal(FelixNode node) {
        if (node.isRunning()) {
            err.println("rodent-events: stopping the node");
            if (node.stop(STOP_TIMEOUT)) {
                err.println("rodent-events: node stopped");
            }
            err.flush();
        }
    }

    /** Starts a non-interactive node and waits until it can run scripts; null (after saying why) when it cannot. */
    FelixNode startReady(Path home, Path config) throws Exception {
        FelixNode node = startNode(home, config, false);
        NodeReadiness readiness = new NodeReadiness(node.context());
        List<String> missing = readiness.await(READY_TIMEOUT);
        if (missing.isEmpty()) {
            return node;
        }
        err.println("rodent-events: the node was not ready within " + READY_TIMEOUT.toSeconds() + " s; still missing: "
                + String.join("; ", missing));
        List<String> inactive = readiness.inactiveBundles();
        if (!inactive.isEmpty()) {
            err.println("rodent-events: bundles not active: " + String.join(", ", inactive));
        }
        node.stop(STOP_TIMEOUT);
        return null;
    }

    private Path defaultHome() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            return lib != null && lib.getParent() != null ? lib.getParent() : Path.of("").toAbsolutePath();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** The demo's way of starting, scripting and stopping nodes: the same as the launcher's own. */
    private final class DemoLaunch implements DemoRun.Launch {
        private final LauncherOptions options;

        DemoLaunch(LauncherOptions options) {
            this.options = options;
        }

        @Override
        public FelixNode startReady(Path config) throws Exception {
            return Main.this.startReady(options.home(), config);
        }

        @Override
        public int runScript(FelixNode node, Path script) throws Exception {
            return new GogoScript(node.context(), out).run(script);
        }

        @Override
        public boolean stop(FelixNode node) {
            return node.stop(STOP_TIMEOUT);
        }
    }
}
