package io.stratastor.rodent.events.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.EventTypes;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.core.impl.settings.PipelineConfiguration;
import io.stratastor.rodent.events.proto.events.StoragePoolResilverPayload;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.util.converter.Converters;

class EventPipelineComponentTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.Y29tcG9uZW50.c2ln";

    @TempDir
    Path spool;

    private static PipelineConfiguration config(Map<String, Object> properties) {
        return Converters.standardConverter().convert(properties).to(PipelineConfiguration.class);
    }

    // A framework that has started, with only the core installed: enough for the component to start and announce itself.
    private BundleContext context() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.ACTIVE;
                    case "getVersion" -> Version.parseVersion("1.0.0");
                    case "getSymbolicName" -> "io.stratastor.rodent.events.core";
                    default -> null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getBundles" -> new Bundle[] {bundle};
                    case "getProperty" -> EventPipelineComponent.SPOOL_DIR_PROPERTY.equals(args[0]) ? spool.toString() : null;
                    default -> null;
                });
    }

    private EventPipelineComponent start(Map<String, Object> properties) {
        return new EventPipelineComponent(config(properties), context(), properties);
    }

    // Counted in emitted after the node's own startup event: 2 in all.
    private static void emitOne(EventPipelineComponent component) {
        component.publish(Category.STORAGE, EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "test",
                StoragePoolResilverPayload.newBuilder().setPoolName("tank").build(), Map.of());
    }

    @Test
    void aConfigurationRefusedAtStartRunsOnTheDefaultsAndShowsTheRefusal() {
        EventPipelineComponent component = start(Map.of("batch_size", -3, "toggle.address", "127.0.0.1:1", "toggle.jwt", SECRET));
        try {
            emitOne(component);

            assertThat(component.isInitialized()).isTrue();
            assertThat(component.stats())
                    .containsEntry("config_refused", 1L)
                    .containsEntry("batch_size", 100)
                    .containsEntry("emitted", 2L);
            assertThat(String.valueOf(component.stats().get("config_refused_error"))).contains("batch_size: -3").doesNotContain(SECRET);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aConfigurationRefusedAtStartKeepsItsOwnSpoolDirectoryWhenThatIsValid() throws Exception {
        java.nio.file.Path configured = java.nio.file.Files.createDirectories(spool.resolve("configured"));
        EventPipelineComponent component = start(Map.of("batch_size", -3, "spool_directory", configured.toString()));
        try {
            assertThat(component.stats()).containsEntry("config_refused", 1L)
                    .containsEntry("spool_directory", configured.toString());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aValueTheProxyCannotCoerceIsRefusedNamingTheKeyNotTheValue() {
        EventPipelineComponent component = start(Map.of("buffer_size", "abc" + SECRET));
        try {
            emitOne(component);

            assertThat(component.stats()).containsEntry("config_refused", 1L).containsEntry("emitted", 2L);
            assertThat(String.valueOf(component.stats().get("config_refused_error")))
                    .contains("buffer_size", "a whole number").doesNotContain(SECRET).doesNotContain("abc");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aRefusedChangeKeepsTheSettingsAndAGoodOneClearsTheError() {
        EventPipelineComponent component = start(Map.of("batch_size", 7));
        try {
            component.modified(config(Map.of("batch_size", "many")), Map.of("batch_size", "many"));

            assertThat(component.stats()).containsEntry("batch_size", 7).containsEntry("config_refused", 1L);
            assertThat(String.valueOf(component.stats().get("config_refused_error"))).startsWith("batch_size:");

            component.modified(config(Map.of("batch_size", 9)), Map.of("batch_size", 9));

            assertThat(component.stats()).containsEntry("batch_size", 9).containsEntry("config_refused", 1L)
                    .containsEntry("config_refused_error", "");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aGoodConfigurationAtStartCountsNoRefusal() {
        EventPipelineComponent component = start(Map.of("batch_size", 7));
        try {
            assertThat(component.stats()).containsEntry("config_refused", 0L).containsEntry("batch_size", 7);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void anEventWithAMillionMetadataKeysIsRefusedAndTheNextOneIsAccepted() {
        EventPipelineComponent component = start(Map.of());
        try {
            Map<String, String> million = new java.util.HashMap<>();
            for (int i = 0; i < 1_000_000; i++) {
                million.put("k" + i, "v");
            }

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> component.publish(Category.STORAGE,
                    EventTypes.STORAGE_POOL_RESILVERED, Level.INFO, "test", StoragePoolResilverPayload.getDefaultInstance(), million))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1000000 entries; expected at most 32");
            emitOne(component);

            assertThat(component.stats()).containsEntry("rejected", 1L).containsEntry("emitted", 2L);
        } finally {
            component.deactivate();
        }
    }
}
