package io.stratastor.rodent.events.shell.impl;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reads and writes one configuration PID through Config Admin, as the {@code rodent.yml} bridge
 * writes it: multi-location ({@value #ANY_LOCATION}), so whichever bundle registers the PID may
 * bind. Config Admin's own keys ({@code service.pid}, …) are never read or written back.
 * Immutable; thread-safe as Config Admin is.
 */
final class PidConfiguration {
    static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin admin;
    private final String pid;

    PidConfiguration(ConfigurationAdmin admin, String pid) {
        this.admin = admin;
        this.pid = pid;
    }

    /** The stored properties as Config Admin gives them; null when the PID has none. */
    Dictionary<String, Object> stored() throws CommandException {
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new CommandException("cannot read configuration " + pid + ": " + e.getMessage());
        }
    }

    /** A copy of the stored properties without Config Admin's own keys, to change and {@link #write}. */
    Dictionary<String, Object> properties() throws CommandException {
        Dictionary<String, Object> current = stored();
        Hashtable<String, Object> properties = new Hashtable<>();
        if (current != null) {
            for (String key : Collections.list(current.keys())) {
                if (!ConfigView.MANAGED.contains(key)) {
                    properties.put(key, current.get(key));
                }
            }
        }
        return properties;
    }

    /** Replaces the stored properties; Config Admin tells the components after this returns. */
    void write(Dictionary<String, Object> properties) throws CommandException {
        try {
            admin.getConfiguration(pid, ANY_LOCATION).update(properties);
        } catch (IOException | RuntimeException e) {
            throw new CommandException("cannot write configuration " + pid + ": " + e.getMessage());
        }
    }
}
