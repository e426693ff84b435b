package io.stratastor.rodent.events.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class DemoConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load(String yaml) {
        return (Map<String, Map<String, Object>>) new Yaml().load(yaml);
    }

    @Test
    void keepsTheEventsSectionSetsAOneSecondBatchTimeoutAndPointsAtToggle() {
        String yaml = DemoConfig.yaml("""
                server: {port: 1}
                events:
                  profile: low-latency
                  batch_timeout: 30
                  enabled_levels: [info, error]
                toggle:
                  address: toggle.example:50051
                  jwt_file: /etc/rodent/jwt
                """, "rodent.yml", "127.0.0.1:40123", "a.b.c", "2025-12");

        Map<String, Map<String, Object>> document = load(yaml);
        assertThat(document).containsOnlyKeys("events", "toggle");
        assertThat(document.get("events")).containsEntry("profile", "low-latency").containsEntry("batch_timeout", 1)
                .containsKey("enabled_levels");
        assertThat(document.get("toggle")).containsOnly(Map.entry("address", "127.0.0.1:40123"), Map.entry("jwt", "a.b.c"),
                Map.entry("schema", "2025-12"));
    }

    @Test
    void fileWithoutEventsSectionStillGivesOne() {
        assertThat(load(DemoConfig.yaml("# nothing yet\n", "rodent.yml", "127.0.0.1:1", "t", "2025-09")).get("events"))
                .containsOnly(Map.entry("batch_timeout", 1));
    }

    @Test
    void malformedBaseNamesTheFile() {
        assertThatThrownBy(() -> DemoConfig.yaml("events: [", "/opt/re/etc/rodent.yml", "a:1", "t", "2025-09"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("/opt/re/etc/rodent.yml is not valid YAML");
        assertThatThrownBy(() -> DemoConfig.yaml("events: 3", "f", "a:1", "t", "2025-09")).hasMessage("f: section 'events' must be a map of keys");
    }
}
