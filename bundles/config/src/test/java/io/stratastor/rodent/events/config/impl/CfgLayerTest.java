package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etc/rodent.events.cfg (as File Install writes it) and rodent.yml composed by the bridge: rodent.yml wins. */
class CfgLayerTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        return Files.writeString(dir.resolve("rodent.yml"), text);
    }

    private static YamlConfigurationBridge bridge(Path yaml, FakeConfigAdmin admin) {
        return new YamlConfigurationBridge(yaml, admin.service(), new RodentYamlMapper(), Duration.ZERO);
    }

    @Test
    void bothGivenTheCfgsKeysStayAndRodentYmlWinsWhereBothSetOne() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37", "batch_timeout", "2"));

        bridge(yaml("events:\n  batch_timeout: 5\n  replay_rate: 9\n"), admin);

        assertThat(admin.properties.get("batch_size")).isEqualTo(37);
        assertThat(admin.properties.get("batch_timeout")).isEqualTo(5);
        assertThat(admin.properties.get("replay_rate")).isEqualTo(9);
        assertThat(admin.properties.get(CfgLayer.FILE_INSTALL_MARKER)).as("File Install still finds its configuration")
                .isEqualTo(FakeConfigAdmin.CFG_URL);
    }

    @Test
    void onlyRodentYmlGivesItsKeysAlone() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();

        bridge(yaml("events:\n  batch_size: 7\n"), admin);

        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
        assertThat(admin.properties.get(CfgLayer.FILE_INSTALL_MARKER)).isNull();
    }

    @Test
    void onlyTheCfgIsLeftAsFileInstallWroteIt() {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));

        YamlConfigurationBridge bridge = bridge(null, admin);

        assertThat(bridge.storedChanged(false)).isFalse();
        assertThat(admin.updates).isEmpty();
        assertThat(admin.properties.get("batch_size")).isEqualTo("37");
    }

    @Test
    void aKeyRemovedFromRodentYmlFallsBackToTheCfgThenToTheDefault() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));
        Path file = yaml("events:\n  batch_size: 50\n  replay_rate: 9\n");
        YamlConfigurationBridge bridge = bridge(file, admin);
        assertThat(admin.properties.get("batch_size")).isEqualTo(50);

        Files.writeString(file, "events:\n  profile: default\n");
        assertThat(bridge.reload()).isTrue();

        assertThat(admin.properties.get("batch_size")).as("the .cfg's value").isEqualTo(37);
        assertThat(admin.properties.get("replay_rate")).as("in neither file: the metatype default applies").isNull();
    }

    @Test
    void theCfgChangedAtRunTimeIsTakenAndRodentYmlLaidOverItAgainOnce() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));
        YamlConfigurationBridge bridge = bridge(yaml("events:\n  batch_timeout: 5\n"), admin);

        admin.fileInstallWrites(Map.of("batch_size", "40", "batch_timeout", "1", "max_retry_attempts", "3"));
        assertThat(bridge.storedChanged(false)).isTrue();

        assertThat(admin.properties.get("batch_size")).isEqualTo(40);
        assertThat(admin.properties.get("max_retry_attempts")).isEqualTo(3);
        assertThat(admin.properties.get("batch_timeout")).as("rodent.yml's").isEqualTo(5);
        int writes = admin.updates.size();
        assertThat(bridge.storedChanged(false)).as("the event of the bridge's own write").isFalse();
        assertThat(admin.updates).hasSize(writes);
    }

    @Test
    void anOperatorsRunTimeChangeIsLeftAsItIs() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));
        YamlConfigurationBridge bridge = bridge(yaml("events:\n  batch_timeout: 5\n"), admin);

        // As events:config writes: the stored properties with one key changed, the bridge's marker kept.
        Hashtable<String, Object> changed = new Hashtable<>((Hashtable<String, Object>) admin.properties);
        changed.put("batch_timeout", 0.5);
        admin.properties = changed;

        assertThat(bridge.storedChanged(false)).isFalse();
        assertThat(admin.properties.get("batch_timeout")).isEqualTo(0.5);
    }

    @Test
    void theCfgDeletedLeavesRodentYmlsKeysAlone() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));
        YamlConfigurationBridge bridge = bridge(yaml("events:\n  batch_timeout: 5\n"), admin);

        admin.properties = null;
        assertThat(bridge.storedChanged(true)).isTrue();

        assertThat(admin.properties.get("batch_size")).isNull();
        assertThat(admin.properties.get("batch_timeout")).isEqualTo(5);
    }

    @Test
    void aBadCfgValueIsRefusedNamingTheFileAndTheKeyAndLeftUnmerged() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = bridge(yaml("events:\n  batch_timeout: 5\n"), admin);
        admin.fileInstallWrites(Map.of("batch_size", "many"));

        assertThatThrownBy(() -> CfgLayer.base(admin.properties)).isInstanceOf(RodentYamlException.class)
                .hasMessage("rodent.events.cfg: batch_size is not a whole number; expected a count such as 100");
        assertThat(bridge.storedChanged(false)).isFalse();
        assertThat(admin.properties.get("batch_size")).isEqualTo("many");
    }

    @Test
    void theSecretOfACfgIsNeverInTheMessageOfABadValue() {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("toggle.tls", "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2ln"));

        assertThatThrownBy(() -> CfgLayer.base(admin.properties)).hasMessageNotContaining("eyJ")
                .hasMessageContaining("rodent.events.cfg: toggle.tls");
    }

    @Test
    void aBridgeRestartedInARunningNodeKeepsTheCfgsKeys() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        admin.fileInstallWrites(Map.of("batch_size", "37"));
        Path file = yaml("events:\n  batch_timeout: 5\n");
        bridge(file, admin);

        Files.writeString(file, "events:\n  replay_rate: 9\n");
        bridge(file, admin);

        assertThat(admin.properties.get("batch_size")).isEqualTo(37);
        assertThat(admin.properties.get("replay_rate")).isEqualTo(9);
        assertThat(admin.properties.get("batch_timeout")).as("the earlier rodent.yml's key, indistinguishable from the .cfg's")
                .isEqualTo(5);
    }
}
