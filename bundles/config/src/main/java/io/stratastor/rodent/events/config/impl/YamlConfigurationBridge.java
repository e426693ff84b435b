package io.stratastor.rodent.events.config.impl;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code events:} and {@code toggle:} sections of the {@code rodent.yml} named by the
 * framework property {@value #FILE_PROPERTY} to configuration PID {@value #PID} at activation, and
 * again whenever the file changes ({@link FileWatcher}, one daemon thread from activation to
 * deactivation), when the mapped properties differ from the stored ones; a key removed from the
 * file is removed from the configuration, or takes the .cfg's value (below). A file that cannot be read or mapped is logged once, with
 * its line where YAML gives one, and leaves the previous configuration in force. The file's
 * notices (unknown keys, keys given twice, {@code toggle.enable: false}) are logged when they
 * change, other sections of the file are left to the rest of Rodent without a word. Registers no
 * service but the {@link ConfigurationListener} that keeps {@code etc/rodent.events.cfg} under it:
 * whatever Felix File Install writes from that file is the base the file's keys go over
 * ({@link CfgLayer}), so {@code rodent.yml} wins where both set a key, and a key removed from it
 * falls back to the .cfg's value, then the default. Thread-safe: reloads are serialised.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class YamlConfigurationBridge implements ConfigurationListener {
    /** The framework property naming the YAML file. */
    public static final String FILE_PROPERTY = "rodent.events.config";
    /** The configuration written; the core's pipeline reads it. */
    public static final String PID = "rodent.events";
    // Multi-location: whichever bundle registers the PID may bind, and none owns it.
    static final String ANY_LOCATION = "?";

    /** The watching thread's name. */
    static final String WATCHER_THREAD = "rodent-events-config-watcher";
    // Long enough to see an editor's save (truncate, writes, rename) as one change.
    static final Duration QUIET_PERIOD = Duration.ofMillis(300);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(YamlConfigurationBridge.class);

    private final Path file;
    private final ConfigurationAdmin configurationAdmin;
    private final RodentYamlMapper mapper;
    private final FileWatcher watcher;
    // The last problem logged, so a file that stays broken is not reported at every event.
    private String lastProblem;
    // The notices last logged, so an unchanged file does not repeat them.
    private List<Notice> lastNotices = List.of();
    // What File Install last wrote from etc/rodent.events.cfg, checked, and its marker; empty without a .cfg.
    private Map<String, Object> cfgBase = Map.of();
    private Optional<Object> cfgMarker = Optional.empty();
    // The properties of the last rodent.yml read without error; null until one is.
    private SortedMap<String, Object> lastYaml;

    @Activate
    public YamlConfigurationBridge(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this(fileOf(context.getProperty(FILE_PROPERTY)), configurationAdmin, new RodentYamlMapper(), QUIET_PERIOD);
        startWatching();
    }

    YamlConfigurationBridge(Path file, ConfigurationAdmin configurationAdmin, RodentYamlMapper mapper, Duration quietPeriod) {
        this.file = file;
        this.configurationAdmin = configurationAdmin;
        this.mapper = mapper;
        this.watcher = file == null || file.getParent() == null ? null : new FileWatcher(file, quietPeriod, this::reload, WATCHER_THREAD);
        if (file == null) {
            LOG.info("Framework property {} is not set: no rodent.yml is bridged to configuration {}", FILE_PROPERTY, PID);
        } else {
            takeCfgBase();
            reload();
        }
    }

    /** Starts applying the file again whenever it changes; a directory that cannot be watched is logged. */
    void startWatching() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.start();
            LOG.info("Watching {}: changes apply to configuration {} while the node runs", file, PID);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot watch {} ({}); changes to it apply at the next start only", file, e.toString());
        }
    }

    /** Stops watching within {@link #STOP_TIMEOUT}. */
    @Deactivate
    void deactivate() {
        if (watcher == null) {
            return;
        }
        try {
            if (!watcher.stop(STOP_TIMEOUT)) {
                LOG.warn("Thread {} did not stop within {} s", WATCHER_THREAD, STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the file is being watched. */
    boolean watching() {
        return watcher != null && watcher.isRunning();
    }

    private static Path fileOf(String property) {
        if (property == null || property.isBlank()) {
            return null;
        }
        try {
            return Path.of(property.trim()).toAbsolutePath();
        } catch (InvalidPathException e) {
            LOG.error("Framework property {} is not a usable path ({}); no rodent.yml is bridged", FILE_PROPERTY, e.getReason());
            return null;
        }
    }

    /**
     * Reads the file again and writes configuration {@value #PID} when the result differs from what
     * is there. Never throws; a problem is logged once and the previous configuration stays.
     *
     * @return true when the configuration was written
     */
    synchronized boolean reload() {
        if (file == null) {
            return false;
        }
        MappedConfiguration mapped;
        try {
            mapped = mapper.read(file);
        } catch (RodentYamlException e) {
            // The message starts with the file's name and gives the line where YAML knows it.
            problem(e.getMessage());
            return false;
        }
        logNotices(mapped.notices());
        if (lastYaml == null) {
            takeEarlierBridgesBase(mapped.properties().keySet());
        }
        lastYaml = mapped.properties();
        return write();
    }

    /** Lays rodent.yml over a configuration File Install wrote from the .cfg; any other change is left as it is. */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (PID.equals(event.getPid()) && event.getFactoryPid() == null
                && (event.getType() == ConfigurationEvent.CM_UPDATED || event.getType() == ConfigurationEvent.CM_DELETED)) {
            storedChanged(event.getType() == ConfigurationEvent.CM_DELETED);
        }
    }

    /**
     * Takes a new base when File Install wrote (or deleted, with its .cfg) the configuration, and writes
     * rodent.yml's keys over it; one write per File Install write, and none for the bridge's own.
     *
     * @return true when the configuration was written
     */
    synchronized boolean storedChanged(boolean deleted) {
        if (lastYaml == null) {
            return false;
        }
        if (deleted) {
            cfgBase = Map.of();
            cfgMarker = Optional.empty();
        } else if (!takeCfgBase()) {
            return false;
        }
        return write();
    }

    // The stored configuration as the new base, when File Install wrote it; false otherwise, or when a value is bad.
    private boolean takeCfgBase() {
        try {
            Dictionary<String, Object> stored = configurationAdmin.getConfiguration(PID, ANY_LOCATION).getProperties();
            if (!CfgLayer.writtenByFileInstall(stored)) {
                return false;
            }
            cfgBase = CfgLayer.base(stored);
            cfgMarker = CfgLayer.fileInstallMarker(stored);
            return true;
        } catch (RodentYamlException e) {
            problem(e.getMessage().substring(0, e.getMessage().indexOf(':')), e.getMessage());
            return false;
        } catch (IOException | RuntimeException e) {
            problem("rodent.events.cfg", "cannot read configuration " + PID + ": " + e);
            return false;
        }
    }

    // A bridge restarted in a running node finds its predecessor's write: what is not rodent.yml's came from the .cfg.
    private void takeEarlierBridgesBase(Set<String> yamlKeys) {
        try {
            Dictionary<String, Object> stored = configurationAdmin.getConfiguration(PID, ANY_LOCATION).getProperties();
            if (stored != null && stored.get(CfgLayer.BRIDGE_MARKER) != null) {
                cfgBase = CfgLayer.withoutBookkeeping(stored, yamlKeys);
                cfgMarker = CfgLayer.fileInstallMarker(stored);
            }
        } catch (IOException | RuntimeException e) {
            problem("rodent.events.cfg", "cannot read configuration " + PID + ": " + e);
        }
    }

    private boolean write() {
        Map<String, Object> wanted = CfgLayer.merged(cfgBase, lastYaml, cfgMarker, file.toString());
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, ANY_LOCATION);
            Dictionary<String, Object> current = configuration.getProperties();
            lastProblem = null;
            if (!ConfigurationDiff.differs(current, wanted)) {
                LOG.debug("Configuration {} already matches {}", PID, file);
                return false;
            }
            configuration.update(new Hashtable<>(wanted));
            // Keys only: toggle.jwt is a secret.
            LOG.info("Configuration {} written from {}{} (changed keys: {})", PID, file, cfgMarker.map(cfg -> " over " + cfg).orElse(""),
                    String.join(", ", ConfigurationDiff.changedKeys(current, wanted)));
            return true;
        } catch (IOException | RuntimeException e) {
            problem("cannot write configuration " + PID + " from " + file + ": " + e);
            return false;
        }
    }

    // Once per change of what there is to say, not at every save of a file that still says it.
    private void logNotices(List<Notice> notices) {
        if (notices.equals(lastNotices)) {
            return;
        }
        lastNotices = notices;
        for (Notice notice : notices) {
            if (notice.warning()) {
                LOG.warn("{}", notice.message());
            } else {
                LOG.info("{}", notice.message());
            }
        }
    }

    private void problem(String message) {
        problem("rodent.yml", message);
    }

    private void problem(String source, String message) {
        if (message.equals(lastProblem)) {
            LOG.debug("Still not applied: {}", message);
            return;
        }
        lastProblem = message;
        LOG.error("{} not applied, configuration {} keeps its previous values: {}", source, PID, message);
    }
}
