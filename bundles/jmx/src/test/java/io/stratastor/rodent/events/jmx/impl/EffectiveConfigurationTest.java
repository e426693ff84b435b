package io.stratastor.rodent.events.jmx.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored values over metatype defaults; credentials only as set/not set. */
class EffectiveConfigurationTest {
    private static final List<EffectiveConfiguration.Key> KEYS = List.of(new EffectiveConfiguration.Key("batch_size", false, "100"),
            new EffectiveConfiguration.Key("toggle.jwt", true, ""), new EffectiveConfiguration.Key("toggle.jwt_file", false, ""),
            new EffectiveConfiguration.Key("enabled_levels", false, "info,warn"));

    @Test
    void storedValuesWinOverDefaultsInTheMetatypeOrder() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", "rodent.events");
        stored.put("batch_size", 50);
        stored.put("enabled_levels", new String[] {"error", "critical"});
        stored.put("extra", List.of("a", "b"));

        Map<String, String> effective = EffectiveConfiguration.merge(stored, KEYS);

        assertThat(effective).containsExactly(Map.entry("batch_size", "50"), Map.entry("toggle.jwt", "not set"),
                Map.entry("toggle.jwt_file", ""), Map.entry("enabled_levels", "error,critical"), Map.entry("extra", "a,b"));
    }

    @Test
    void aTokenIsShownOnlyAsSetEvenUnderAKeyTheMetatypeDoesNotKnow() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("toggle.jwt", "eyJ-secret");
        stored.put("other_token", "eyJ-other");
        stored.put("toggle.jwt_file", "/etc/rodent/jwt");

        Map<String, String> effective = EffectiveConfiguration.merge(stored, KEYS);

        assertThat(effective).containsEntry("toggle.jwt", "set").containsEntry("other_token", "set")
                .containsEntry("toggle.jwt_file", "/etc/rodent/jwt");
        assertThat(effective.values()).noneMatch(value -> value.contains("eyJ"));
    }

    @Test
    void withoutStoredValuesTheDefaultsShow() {
        assertThat(EffectiveConfiguration.merge(null, KEYS)).containsEntry("batch_size", "100").containsEntry("enabled_levels", "info,warn");
    }
}
