package io.stratastor.rodent.events.webconsole.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskedConfigurationTest {

    @Test
    void secretsShowOnlyWhetherTheyAreSetAndListsAreJoined() throws Exception {
        Map<String, String> shown = MaskedConfiguration.read(PageFixtures.configAdmin(Map.of("toggle.jwt", "eyJ.abc",
                "toggle.tls.key_password", "", "enabled_levels", new String[] {"info", "warn"}, "batch_size", 7)));

        assertThat(shown).containsExactly(Map.entry("batch_size", "7"), Map.entry("enabled_levels", "info,warn"),
                Map.entry("toggle.jwt", "set"), Map.entry("toggle.tls.key_password", "not set"));
    }
}
