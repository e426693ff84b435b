package io.stratastor.rodent.events.itests;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Writes the core's configuration (PID rodent.events) the way the rodent.yml bridge does. */
final class NodeConfig {
    static final String PID = "rodent.events";

    private NodeConfig() {
    }

    static void toggle(ConfigurationAdmin configAdmin, String address, String token) throws IOException {
        Configuration configuration = configAdmin.getConfiguration(PID, "?");
        configuration.update(toggleProperties(address, token));
    }

    /** A low-latency node shipping to {@code address} with {@code token}. */
    static Dictionary<String, Object> toggleProperties(String address, String token) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("profile", "low-latency");
        properties.put("batch_timeout", "0.2");
        properties.put("retry_backoff_base", "0.05");
        properties.put("retry_backoff_max", "0.2");
        properties.put("toggle.address", address);
        properties.put("toggle.jwt", token);
        return properties;
    }
}
