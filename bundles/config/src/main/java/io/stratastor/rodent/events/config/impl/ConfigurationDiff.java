package io.stratastor.rodent.events.config.impl;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Decides whether a configuration's current properties already equal the wanted ones, so the
 * bridge writes only real changes and components are not reconfigured for nothing. Stateless.
 */
final class ConfigurationDiff {
    // Set by Configuration Admin itself, never by the bridge.
    private static final Set<String> MANAGED_KEYS = Set.of(
            Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID, ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private ConfigurationDiff() {
    }

    /**
     * Whether writing {@code wanted} would change {@code current}; arrays compare by content.
     *
     * @param current the configuration's properties, null when it has none yet
     */
    static boolean differs(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return !wanted.isEmpty();
        }
        Map<String, Object> existing = new HashMap<>();
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!MANAGED_KEYS.contains(key)) {
                existing.put(key, current.get(key));
            }
        }
        if (!existing.keySet().equals(wanted.keySet())) {
            return true;
        }
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            if (!Objects.deepEquals(existing.get(entry.getKey()), entry.getValue())) {
                return true;
            }
        }
        return false;
    }
}
