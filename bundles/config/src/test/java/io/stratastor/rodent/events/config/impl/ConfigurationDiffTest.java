package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationDiffTest {

    private static Dictionary<String, Object> dictionary(Map<String, Object> entries) {
        return new Hashtable<>(entries);
    }

    @Test
    void sameValuesWithArraysByContentDoNotDiffer() {
        Dictionary<String, Object> current = dictionary(Map.of("service.pid", "rodent.events", "batch_size", 10,
                "enabled_levels", new String[] {"error"}));

        assertThat(ConfigurationDiff.differs(current, Map.of("batch_size", 10, "enabled_levels", new String[] {"error"}))).isFalse();
    }

    @Test
    void changedValueOrTypeDiffers() {
        Dictionary<String, Object> current = dictionary(Map.of("batch_size", 10));

        assertThat(ConfigurationDiff.differs(current, Map.of("batch_size", 11))).isTrue();
        assertThat(ConfigurationDiff.differs(current, Map.of("batch_size", 10L))).isTrue();
    }

    @Test
    void addedOrRemovedKeyDiffers() {
        Dictionary<String, Object> current = dictionary(Map.of("batch_size", 10));

        assertThat(ConfigurationDiff.differs(current, Map.of("batch_size", 10, "profile", "minimal"))).isTrue();
        assertThat(ConfigurationDiff.differs(current, Map.of())).isTrue();
    }

    @Test
    void noConfigurationYetDiffersUnlessNothingIsWanted() {
        assertThat(ConfigurationDiff.differs(null, Map.of("batch_size", 10))).isTrue();
        assertThat(ConfigurationDiff.differs(null, Map.of())).isFalse();
    }

    @Test
    void changedKeysNameAddedChangedAndRemovedKeysSortedButNotManagedOnes() {
        Dictionary<String, Object> current = dictionary(Map.of("service.pid", "rodent.events", "batch_size", 10, "profile", "minimal",
                "toggle.tls", true, "enabled_levels", new String[] {"error"}));

        assertThat(ConfigurationDiff.changedKeys(current, Map.of("batch_size", 11, "profile", "minimal", "toggle.address", "t:1",
                "enabled_levels", new String[] {"error"})))
                .containsExactly("batch_size", "toggle.address", "toggle.tls");
    }
}
