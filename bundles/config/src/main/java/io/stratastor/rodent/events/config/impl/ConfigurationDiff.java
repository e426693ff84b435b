package io.stratastor.rodent.events.config.impl;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
        return !changedKeys(current, wanted).isEmpty();
    }

    /**
     * The keys writing {@code wanted} would add, change or remove, sorted; arrays compare by content.
     *
     * @param current the configuration's properties, null when it has none yet
     */
    static SortedSet<String> changedKeys(Dictionary<String, Object> current, Map<String, Object> wanted) {
        Map<String, Object> existing = new HashMap<>();
        for (Enumeration<String> keys = current == null ? Collections.emptyEnumeration() : current.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!MANAGED_KEYS.contains(key)) {
                existing.put(key, current.get(key));
            }
        }
        SortedSet<String> changed = new TreeSet<>(existing.keySet());
        changed.removeAll(wanted.keySet());
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            if (!existing.containsKey(entry.getKey()) || !Objects.deepEquals(existing.get(entry.getKey()), entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        return changed;
    }
}
