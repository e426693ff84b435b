package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** One configuration held in memory, recording the location asked for and every update; the watcher's thread writes it. */
final class FakeConfigAdmin {
    volatile Dictionary<String, Object> properties;
    final List<Dictionary<String, Object>> updates = new CopyOnWriteArrayList<>();
    final List<String> locations = new CopyOnWriteArrayList<>();

    ConfigurationAdmin service() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> properties == null ? null : new Hashtable<>(((Hashtable<String, Object>) properties));
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> written = (Dictionary<String, Object>) args[0];
                        properties = written;
                        updates.add(written);
                        yield null;
                    }
                    case "getPid" -> YamlConfigurationBridge.PID;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && args.length == 2) {
                        assertThat(args[0]).isEqualTo(YamlConfigurationBridge.PID);
                        locations.add((String) args[1]);
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What Felix File Install writes from a .cfg: its lines as strings, and the file's URL as its marker. */
    void fileInstallWrites(Map<String, String> cfg) {
        Hashtable<String, Object> written = new Hashtable<>(cfg);
        written.put(CfgLayer.FILE_INSTALL_MARKER, CFG_URL);
        properties = written;
    }

    static final String CFG_URL = "file:/opt/rodent/etc/rodent.events.cfg";
}
