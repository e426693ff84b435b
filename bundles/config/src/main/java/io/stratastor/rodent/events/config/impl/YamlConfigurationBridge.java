package io.stratastor.rodent.events.config.impl;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@code events:} and {@code toggle:} sections of the {@code rodent.yml} named by the
 * framework property {@value #FILE_PROPERTY} to configuration PID {@value #PID}, once at activation;
 * {@link #reload()} is the entry point a file watcher will call. A file that cannot be read or
 * mapped is logged once and leaves the previous configuration in force. Registers no service.
 * Thread-safe: reloads are serialised.
 */
@Component(service = {}, immediate = true)
public final class YamlConfigurationBridge {
    /** The framework property naming the YAML file. */
    public static final String FILE_PROPERTY = "rodent.events.config";
    /** The configuration written; the core's pipeline reads it. */
    public static final String PID = "rodent.events";
    // Multi-location: whichever bundle registers the PID may bind, and none owns it.
    static final String ANY_LOCATION = "?";

    private static final Logger LOG = LoggerFactory.getLogger(YamlConfigurationBridge.class);

    private final Path file;
    private final ConfigurationAdmin configurationAdmin;
    private final RodentYamlMapper mapper;

    @Activate
    public YamlConfigurationBridge(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this(fileOf(context.getProperty(FILE_PROPERTY)), configurationAdmin, new RodentYamlMapper());
    }

    YamlConfigurationBridge(Path file, ConfigurationAdmin configurationAdmin, RodentYamlMapper mapper) {
        this.file = file;
        this.configurationAdmin = configurationAdmin;
        this.mapper = mapper;
        if (file == null) {
            LOG.info("Framework property {} is not set: no rodent.yml is bridged to configuration {}", FILE_PROPERTY, PID);
        } else {
            reload();
        }
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
            // The message starts with the file's name.
            LOG.error("rodent.yml not applied, configuration {} keeps its previous values: {}", PID, e.getMessage());
            return false;
        }
        if (!mapped.ignoredSections().isEmpty()) {
            LOG.warn("{}: ignoring sections this bridge does not handle: {} (it reads {}: and {}:)",
                    file, String.join(", ", mapped.ignoredSections()), RodentYamlMapper.EVENTS_SECTION, RodentYamlMapper.TOGGLE_SECTION);
        }
        try {
            Configuration configuration = configurationAdmin.getConfiguration(PID, ANY_LOCATION);
            if (!ConfigurationDiff.differs(configuration.getProperties(), mapped.properties())) {
                LOG.debug("Configuration {} already matches {}", PID, file);
                return false;
            }
            Dictionary<String, Object> properties = new Hashtable<>(mapped.properties());
            configuration.update(properties);
            // Keys only: toggle.jwt is a secret.
            LOG.info("Configuration {} written from {} (keys: {})", PID, file, String.join(", ", mapped.properties().keySet()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write configuration {} from {}; the previous configuration stays in force: {}",
                    PID, file, e.toString());
            return false;
        }
    }
}
