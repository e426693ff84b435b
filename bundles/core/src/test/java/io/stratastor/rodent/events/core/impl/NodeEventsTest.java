package io.stratastor.rodent.events.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.stratastor.rodent.events.api.Category;
import io.stratastor.rodent.events.api.Level;
import io.stratastor.rodent.events.proto.events.SystemConfigChangePayload;
import io.stratastor.rodent.events.proto.events.SystemStartupPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEventsTest {
    record Published(Category category, String type, Level level, String source, Message payload, Map<String, String> metadata) {
    }

    private final List<Published> published = new ArrayList<>();
    private final NodeEvents events = new NodeEvents((category, type, level, source, payload, metadata) ->
            published.add(new Published(category, type, level, source, payload, metadata)));

    @Test
    void startupCarriesVersionBootTimeHostAndTheServicesStarted() {
        events.startup("0.1.0", 1_764_000_000L, "node-1", List.of("core", "storage"));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("system.startup");
            assertThat(event.category()).isEqualTo(Category.SYSTEM);
            assertThat(event.level()).isEqualTo(Level.INFO);
            assertThat(event.source()).isEqualTo("system");
            assertThat(event.metadata()).containsExactly(Map.entry("emitted_by", "rodent-events-core"));
            assertThat(event.payload()).isEqualTo(SystemStartupPayload.newBuilder().setVersion("0.1.0").setBootTimeSeconds(1_764_000_000L)
                    .setHostname("node-1").addServicesStarted("core").addServicesStarted("storage").build());
        });
    }

    @Test
    void configChangedNamesTheChangedKeysAndNeverAValue() {
        events.configChanged("rodent.events", Map.of("batch_size", 100, "toggle.jwt", "old-secret", "service.pid", "rodent.events"),
                Map.of("batch_size", "200", "toggle.jwt", "new-secret", "toggle.schema", "2025-12", "service.pid", "rodent.events",
                        "enabled_levels", new String[] {"info"}));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("system.config.changed");
            SystemConfigChangePayload payload = (SystemConfigChangePayload) event.payload();
            assertThat(payload.getAffectedComponentsList()).containsExactly("batch_size", "enabled_levels", "toggle.jwt", "toggle.schema");
            assertThat(payload.getConfigFile()).isEqualTo("rodent.events");
            assertThat(payload.toString() + event.metadata()).doesNotContain("secret");
        });
    }

    @Test
    void anUnchangedConfigurationEmitsNothingAndArraysCompareByContent() {
        events.configChanged("rodent.events", Map.of("enabled_levels", new String[] {"info", "warn"}, "batch_size", 100),
                Map.of("enabled_levels", new String[] {"info", "warn"}, "batch_size", "100"));

        assertThat(published).isEmpty();
    }

    @Test
    void shutdownSaysWhyAndARefusalIsNotThrown() {
        NodeEvents refusing = new NodeEvents((category, type, level, source, payload, metadata) -> {
            throw new IllegalArgumentException("spool full");
        });
        refusing.shutdown("the node is stopping");
        events.shutdown("the node is stopping");

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("system.shutdown");
            assertThat(event.payload()).isNull();
            assertThat(event.metadata()).containsEntry("reason", "the node is stopping");
        });
    }
}
