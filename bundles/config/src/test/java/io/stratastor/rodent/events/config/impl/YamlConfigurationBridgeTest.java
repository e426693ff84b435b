package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class YamlConfigurationBridgeTest {
    @TempDir
    Path dir;

    /** One configuration held in memory, recording the location asked for and every update. */
    private static final class FakeConfigAdmin {
        Dictionary<String, Object> properties;
        final List<Dictionary<String, Object>> updates = new ArrayList<>();
        final List<String> locations = new ArrayList<>();

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
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("rodent.yml"), yaml);
    }

    @Test
    void writesTheMappedPropertiesAtActivationUnderAnyLocation() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();

        new YamlConfigurationBridge(write("events:\n  batch_size: 7\ntoggle:\n  address: 127.0.0.1:1\n"), admin.service(),
                new RodentYamlMapper());

        assertThat(admin.updates).hasSize(1);
        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
        assertThat(admin.properties.get("toggle.address")).isEqualTo("127.0.0.1:1");
        assertThat(admin.locations).containsOnly("?");
    }

    @Test
    void reloadOfAnUnchangedFileWritesNothing() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  enabled_levels: [error]\n"),
                admin.service(), new RodentYamlMapper());

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).hasSize(1);
    }

    @Test
    void reloadOfAChangedFileWritesAgain() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  batch_size: 7\n"), admin.service(),
                new RodentYamlMapper());
        write("events:\n  batch_size: 8\n");

        assertThat(bridge.reload()).isTrue();
        assertThat(admin.properties.get("batch_size")).isEqualTo(8);
    }

    @Test
    void malformedFileLeavesThePreviousConfiguration() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  batch_size: 7\n"), admin.service(),
                new RodentYamlMapper());
        write("events: [\n");

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).hasSize(1);
        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
    }

    @Test
    void withoutAFileNothingIsWritten() {
        FakeConfigAdmin admin = new FakeConfigAdmin();

        YamlConfigurationBridge bridge = new YamlConfigurationBridge(null, admin.service(), new RodentYamlMapper());

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).isEmpty();
    }
}
