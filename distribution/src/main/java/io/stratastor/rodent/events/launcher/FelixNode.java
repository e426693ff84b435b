package io.stratastor.rodent.events.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One Felix framework with every jar of {@code <home>/bundle} installed and every non-fragment
 * started; the Gogo shell bundle, whose console takes the terminal, only by
 * {@link #startDeferred()}, so that the launcher can report on the node first. Start from one
 * thread; {@link #stop} may be called from any thread, more than once.
 */
final class FelixNode {
    /** The framework property naming the rodent.yml the config bundle bridges to Config Admin. */
    static final String CONFIG_PROPERTY = "rodent.events.config";
    /** The framework property naming the core's default spool directory: outside Felix's cache, which is cleaned at start. */
    static final String SPOOL_PROPERTY = "rodent.events.spool.dir";

    /** Started last: its interactive console prints the prompt and reads the terminal. */
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final Path home;
    private final PrintStream out;
    private final List<Bundle> deferred = new ArrayList<>();
    private volatile Framework framework;

    FelixNode(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    /** The framework properties for a node of {@code home} reading {@code configFile}. */
    static Map<String, String> frameworkProperties(Path home, Path configFile, boolean interactive) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, home.resolve("data").resolve("cache").toAbsolutePath().toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(CONFIG_PROPERTY, configFile.toAbsolutePath().toString());
        properties.put(SPOOL_PROPERTY, home.resolve("data").resolve("spool").toAbsolutePath().toString());
        // Configuration comes from rodent.yml at every start (the cache is cleaned anyway): keep it in
        // memory, so a token given inline in rodent.yml is never written to disk by Config Admin.
        properties.put("felix.cm.pm", "memory");
        // etc/rodent.events.cfg read by the Felix node: Felix File Install reads etc/*.cfg into Config Admin, as
        // Karaf does, and never writes back (rodent.yml's values stay out of the .cfg) nor installs bundles from etc.
        properties.put("felix.fileinstall.dir", home.resolve("etc").toAbsolutePath().toString());
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.enableConfigSave", "false");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "false");
        // Web Console: Jetty on the loopback interface only (framework properties win over -D options).
        properties.putAll(ConsoleAccess.serverProperties(System.getProperty(ConsoleAccess.PORT_PROPERTY)));
        if (!interactive) {
            // Without it the Gogo shell reads stdin and stops the whole framework at its end of file.
            properties.put("gosh.args", "--nointeractive");
        }
        return properties;
    }

    /**
     * Starts the framework, installs the bundles and starts them, except the Gogo shell
     * ({@link #startDeferred()}).
     *
     * @return the bundles that failed to start, each as one line; empty when all started
     * @throws IOException when the bundle folder cannot be listed
     * @throws BundleException when the framework itself cannot start
     */
    List<String> start(Map<String, String> properties) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new BundleException("no OSGi framework on the class path (lib/ should hold Felix)"));
        Framework created = factory.newFramework(properties);
        created.init();
        framework = created;
        BundleContext context = created.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path jar : bundleJars()) {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                failures.add(jar.getFileName() + ": cannot install: " + e.getMessage());
            }
        }
        // Marked to start before the framework starts, as OSGi launchers do: the framework starts them
        // and then reports STARTED, which the core waits for to name what started in system.startup.
        List<Bundle> starting = new ArrayList<>();
        for (Bundle bundle : installed) {
            if (isFragment(bundle)) {
                continue;
            }
            if (GOGO_SHELL.equals(bundle.getSymbolicName())) {
                deferred.add(bundle);
                continue;
            }
            startBundle(bundle, failures);
            starting.add(bundle);
        }
        created.start();
        for (Bundle bundle : starting) {
            if (bundle.getState() != Bundle.ACTIVE) {
                // The framework logs why; a second start says it in the failures too.
                startBundle(bundle, failures);
            }
        }
        return failures;
    }

    /**
     * Starts the bundles {@link #start} left for later (the Gogo shell); idempotent.
     *
     * @return the bundles that failed to start, each as one line
     */
    List<String> startDeferred() {
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : deferred) {
            startBundle(bundle, failures);
        }
        deferred.clear();
        return failures;
    }

    private static void startBundle(Bundle bundle, List<String> failures) {
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            failures.add(bundle.getSymbolicName() + ": cannot start: " + oneLine(e.getMessage()));
        }
    }

    private List<Path> bundleJars() throws IOException {
        Path folder = home.resolve("bundle");
        if (!Files.isDirectory(folder)) {
            throw new IOException("no bundle folder " + folder + " (is --home " + home + " a Rodent Events distribution?)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    /** The system bundle's context; null before {@link #start}. */
    BundleContext context() {
        Framework current = framework;
        return current == null ? null : current.getBundleContext();
    }

    /** Blocks until the framework stops (the shell's {@code exit}, or {@link #stop} from a hook). */
    void awaitStop() throws InterruptedException {
        Framework current = framework;
        if (current != null) {
            current.waitForStop(0);
        }
    }

    /**
     * Stops the framework, which deactivates every component (the core ships what it holds), and
     * waits at most {@code timeout}.
     *
     * @return true when the framework stopped within the timeout, or was not running
     */
    boolean stop(Duration timeout) {
        Framework current = framework;
        if (!isRunning()) {
            return true;
        }
        try {
            current.stop();
            FrameworkEvent event = current.waitForStop(timeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                out.println("rodent-events: the framework did not stop within " + timeout.toSeconds() + " s");
                return false;
            }
            return true;
        } catch (BundleException e) {
            out.println("rodent-events: cannot stop the framework: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the framework is starting, active or stopping. */
    boolean isRunning() {
        Framework current = framework;
        return current != null && (current.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
