package io.stratastor.rodent.events.launcher;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The launcher's command line, parsed. Immutable.
 *
 * @param home the distribution's folder (bin/, etc/, bundle/, lib/, tools/)
 * @param config the rodent.yml given with {@code --config}, or null for {@code <home>/etc/rodent.yml}
 * @param script the Gogo script given with {@code --script}, or null
 * @param demo whether {@code --demo} was given
 * @param interactive whether {@code --interactive} was given
 * @param logLevel the root log level given with {@code --log-level}, or null
 * @param help whether {@code --help} was given
 * @param schema the wire generation of the demo's reference Toggle and node, {@code 2025-09} (default) or {@code 2025-12}
 */
record LauncherOptions(Path home, Path config, Path script, boolean demo, boolean interactive, String logLevel, boolean help,
        String schema) {
    static final String USAGE = """
            Usage: rodent-events [options]
              Runs a Rodent Events node: the Felix framework with the bundles of bundle/ and the
              configuration of etc/rodent.yml, applied again whenever the file changes. Interactive (a
              Gogo shell; try events:stats, events:tail -f, events:config) when started on a terminal,
              where Ctrl-C interrupts the running command and, at the prompt, stops the node; otherwise
              it runs until SIGTERM or SIGINT and then stops gracefully. Once the core is up it prints
              a one-line health summary. Logs go to data/log/rodent-events.log (rolled at 10 MB,
              five kept; etc/logback.xml) and to standard error.
              The Web Console listens on 127.0.0.1 only, port 8080 (JAVA_OPTS=-Drodent.events.console.port=N),
              user admin, password in data/webconsole.password (generated at the first start).

            Options:
              --config FILE      the rodent.yml to use (default <home>/etc/rodent.yml)
              --script FILE      run each line of the Gogo script FILE once the node is ready, print every
                                 command and its result, then stop; exit 1 if a command failed
              --demo             start the reference Toggle (tools/toggle-sink.jar), run etc/demo.gogo
                                 against it, stop, and check that Toggle received every event
              --schema G         with --demo: the wire generation both sides speak, 2025-09 (default)
                                 or 2025-12 (the Toggle's --schema and the node's toggle.schema)
              --interactive      start the Gogo shell even when not on a terminal
              --log-level LEVEL  trace, debug, info (default), warn, error or off
              --home DIR         the distribution's folder (bin/rodent-events sets it)
              --help             print this help
            """;
    static final String HINT = "try rodent-events --help";
    static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
    static final String DEFAULT_SCHEMA = "2025-09";
    static final Set<String> SCHEMAS = Set.of(DEFAULT_SCHEMA, "2025-12");

    /** What the launcher does once the framework is up. */
    enum Mode {
        /** The Gogo shell reads the terminal; the node stops when the shell exits. */
        INTERACTIVE,
        /** Runs until SIGTERM or SIGINT. */
        SERVICE,
        /** Runs a Gogo script, then stops. */
        SCRIPT,
        /** The newcomer's first run against the reference Toggle. */
        DEMO
    }

    /**
     * Parses the arguments.
     *
     * @param defaultHome the home to use when {@code --home} is absent
     * @throws UsageException on an unknown option, a missing value or options that exclude each other
     */
    static LauncherOptions parse(String[] args, Path defaultHome) throws UsageException {
        Path home = null;
        Path config = null;
        Path script = null;
        boolean demo = false;
        boolean interactive = false;
        boolean help = false;
        String logLevel = null;
        String schema = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--demo" -> demo = true;
                case "--interactive" -> interactive = true;
                case "--home" -> home = path(option, value(args, ++i, option));
                case "--config" -> config = path(option, value(args, ++i, option));
                case "--script" -> script = path(option, value(args, ++i, option));
                case "--log-level" -> logLevel = logLevel(value(args, ++i, option));
                case "--schema" -> schema = schema(value(args, ++i, option));
                default -> throw new UsageException(option.startsWith("-")
                        ? "unknown option '" + option + "'"
                        : "unexpected argument '" + option + "' (options start with --)");
            }
        }
        if (demo && script != null) {
            throw new UsageException("--demo runs its own script; give either --demo or --script");
        }
        if (interactive && (demo || script != null)) {
            throw new UsageException("--interactive cannot be combined with " + (demo ? "--demo" : "--script"));
        }
        if (schema != null && !demo) {
            throw new UsageException("--schema sets the demo's wire generation; give it with --demo (a node's own is toggle.schema)");
        }
        return new LauncherOptions(home == null ? defaultHome : home, config, script, demo, interactive, logLevel, help,
                schema == null ? DEFAULT_SCHEMA : schema);
    }

    /** The mode these options ask for; {@code onTerminal} tells whether stdin and stdout are a terminal. */
    Mode mode(boolean onTerminal) {
        if (demo) {
            return Mode.DEMO;
        }
        if (script != null) {
            return Mode.SCRIPT;
        }
        return interactive || onTerminal ? Mode.INTERACTIVE : Mode.SERVICE;
    }

    /** The rodent.yml to bridge: {@code --config}, or {@code <home>/etc/rodent.yml}; absolute. */
    Path configFile() {
        return (config != null ? config : home.resolve("etc").resolve("rodent.yml")).toAbsolutePath().normalize();
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException("option " + option + " needs a value");
        }
        return args[index];
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("option " + option + ": '" + value + "' is not a path (" + e.getReason() + ")");
        }
    }

    private static String schema(String value) throws UsageException {
        if (!SCHEMAS.contains(value)) {
            throw new UsageException("--schema takes 2025-09 or 2025-12, got '" + value + "'");
        }
        return value;
    }

    private static String logLevel(String value) throws UsageException {
        String level = value.toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new UsageException("--log-level takes trace, debug, info, warn, error or off, got '" + value + "'");
        }
        return level;
    }
}
