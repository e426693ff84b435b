package io.stratastor.rodent.events.config.impl;

import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The two files behind PID {@code rodent.events} in the Felix node and how they compose: what Felix
 * File Install wrote from {@code etc/rodent.events.cfg} is the base, {@code rodent.yml}'s keys go over
 * it (docs/DECISIONS.md, "One configuration for Felix and Karaf"). A configuration tells who wrote
 * it last by two markers: File Install's {@value #FILE_INSTALL_MARKER} (the .cfg's URL), which it
 * puts in everything it writes, and the bridge's {@value #BRIDGE_MARKER} (the rodent.yml's path).
 * Stateless.
 */
final class CfgLayer {
    /** File Install's property naming the file a configuration came from. */
    static final String FILE_INSTALL_MARKER = "felix.fileinstall.filename";
    /** The bridge's property naming the rodent.yml laid over the configuration. */
    static final String BRIDGE_MARKER = "rodent.yml";
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILE_INSTALL_MARKER, BRIDGE_MARKER);

    private CfgLayer() {
    }

    /**
     * Whether {@code stored} is what File Install wrote from a .cfg, untouched since: its marker without
     * the bridge's. A configuration the bridge wrote and an operator changed ({@code events:config})
     * still carries the bridge's marker, and is left as it is.
     */
    static boolean writtenByFileInstall(Dictionary<String, Object> stored) {
        return stored != null && stored.get(FILE_INSTALL_MARKER) != null && stored.get(BRIDGE_MARKER) == null;
    }

    /** File Install's marker of {@code stored}, if it has one: kept, so File Install still updates and deletes it. */
    static Optional<Object> fileInstallMarker(Dictionary<String, Object> stored) {
        return Optional.ofNullable(stored == null ? null : stored.get(FILE_INSTALL_MARKER));
    }

    /**
     * The .cfg's keys of a configuration File Install wrote, each value checked and converted as the
     * same key of rodent.yml is (File Install gives strings: {@code batch_size = 37}).
     *
     * @throws RodentYamlException naming the .cfg file and the key, never the value
     */
    static Map<String, Object> base(Dictionary<String, Object> stored) throws RodentYamlException {
        String name = fileName(String.valueOf(stored.get(FILE_INSTALL_MARKER)));
        Map<String, Object> base = new HashMap<>();
        for (String key : Collections.list(stored.keys())) {
            if (BOOKKEEPING.contains(key)) {
                continue;
            }
            Object value = stored.get(key);
            Optional<RodentKeys.Key> known = RodentKeys.byProperty(key);
            base.put(key, known.isPresent() ? RodentValues.convert(known.get().kind(), value, name + ": " + key) : value);
        }
        return base;
    }

    /** The keys of {@code stored} but the markers, Config Admin's own and {@code leftOut}. */
    static Map<String, Object> withoutBookkeeping(Dictionary<String, Object> stored, Set<String> leftOut) {
        Map<String, Object> kept = new HashMap<>();
        for (String key : Collections.list(stored.keys())) {
            if (!BOOKKEEPING.contains(key) && !leftOut.contains(key)) {
                kept.put(key, stored.get(key));
            }
        }
        return kept;
    }

    /**
     * What the bridge writes: {@code base}, then {@code yaml}'s keys over it, then the markers: File
     * Install's as it was, and the bridge's naming {@code yamlFile}.
     */
    static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> yaml, Optional<Object> fileInstallMarker,
            String yamlFile) {
        Map<String, Object> merged = new HashMap<>(base);
        merged.putAll(yaml);
        fileInstallMarker.ifPresent(marker -> merged.put(FILE_INSTALL_MARKER, marker));
        merged.put(BRIDGE_MARKER, yamlFile);
        return merged;
    }

    // "file:/opt/rodent/etc/rodent.events.cfg" -> "rodent.events.cfg", for messages.
    private static String fileName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
