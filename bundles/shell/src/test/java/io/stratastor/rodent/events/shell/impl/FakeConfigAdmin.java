package io.stratastor.rodent.events.shell.impl;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Configuration Admin holding PID rodent.events in memory; {@code onUpdate} plays the core. */
final class FakeConfigAdmin {
    Hashtable<String, Object> properties;
    final List<String> locations = new ArrayList<>();
    int updates;
    Consumer<Dictionary<String, Object>> onUpdate = written -> { };

    private final Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getProperties" -> properties == null ? null : withPid(properties);
                case "update" -> {
                    @SuppressWarnings("unchecked")
                    Dictionary<String, Object> written = (Dictionary<String, Object>) args[0];
                    properties = new Hashtable<>();
                    Collections.list(written.keys()).forEach(key -> properties.put(key, written.get(key)));
                    updates++;
                    onUpdate.accept(written);
                    yield null;
                }
                case "getPid" -> ConfigCommand.PID;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    final ConfigurationAdmin service = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                case "listConfigurations" -> {
                    if (!("(service.pid=" + ConfigCommand.PID + ")").equals(args[0])) {
                        throw new AssertionError("unexpected filter " + args[0]);
                    }
                    yield properties == null ? null : new Configuration[] {configuration};
                }
                case "getConfiguration" -> {
                    if (!ConfigCommand.PID.equals(args[0])) {
                        throw new AssertionError("unexpected PID " + args[0]);
                    }
                    locations.add(args.length > 1 ? (String) args[1] : null);
                    yield configuration;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static Hashtable<String, Object> withPid(Hashtable<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>(properties);
        copy.put("service.pid", ConfigCommand.PID);
        return copy;
    }
}
