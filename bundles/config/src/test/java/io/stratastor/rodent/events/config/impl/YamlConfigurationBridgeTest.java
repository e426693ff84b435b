package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class YamlConfigurationBridgeTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.YnJpZGdl.c2ln";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("rodent.yml"), yaml);
    }

    @Test
    void writesTheMappedPropertiesAtActivationUnderAnyLocation() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();

        new YamlConfigurationBridge(write("events:\n  batch_size: 7\ntoggle:\n  address: 127.0.0.1:1\n"), admin.service(),
                new RodentYamlMapper(), Duration.ZERO);

        assertThat(admin.updates).hasSize(1);
        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
        assertThat(admin.properties.get("toggle.address")).isEqualTo("127.0.0.1:1");
        assertThat(admin.locations).containsOnly("?");
    }

    @Test
    void reloadOfAnUnchangedFileWritesNothing() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  enabled_levels: [error]\n"),
                admin.service(), new RodentYamlMapper(), Duration.ZERO);

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).hasSize(1);
    }

    @Test
    void reloadOfAChangedFileWritesAgain() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  batch_size: 7\n"), admin.service(),
                new RodentYamlMapper(), Duration.ZERO);
        write("events:\n  batch_size: 8\n");

        assertThat(bridge.reload()).isTrue();
        assertThat(admin.properties.get("batch_size")).isEqualTo(8);
    }

    @Test
    void malformedFileLeavesThePreviousConfiguration() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write("events:\n  batch_size: 7\n"), admin.service(),
                new RodentYamlMapper(), Duration.ZERO);
        write("events: [\n");

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).hasSize(1);
        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
    }

    // What the bridge logs while running: slf4j-simple writes each line to the System.err of the moment.
    private static String logOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void toggleEnableFalseWritesNoAddressAndLogsOneInfoLine() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        Path file = write("toggle:\n  enable: false\n  rpcAddr: toggle.example:50051\n  jwt: " + SECRET + "\n");

        String log = logOf(() -> new YamlConfigurationBridge(file, admin.service(), new RodentYamlMapper(), Duration.ZERO));

        assertThat(java.util.Collections.list(admin.properties.keys())).containsExactlyInAnyOrder("toggle.jwt", CfgLayer.BRIDGE_MARKER);
        assertThat(log.lines().filter(line -> line.contains("Toggle is disabled by toggle.enable"))).singleElement()
                .satisfies(line -> assertThat(line).contains(" INFO "));
        assertThat(log).doesNotContain(SECRET);
    }

    @Test
    void noticesAreLoggedAtTheirLevelOnceWhileTheFileSaysTheSame() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        Path file = write("server:\n  port: 8042\nevents:\n  batchSzie: 5\n  batch_size: 1\n  batchSize: 2\ntoggle:\n  jwt: " + SECRET
                + "\n  JWT: " + SECRET + "\n");
        YamlConfigurationBridge[] bridge = new YamlConfigurationBridge[1];

        String first = logOf(() -> bridge[0] = new YamlConfigurationBridge(file, admin.service(), new RodentYamlMapper(), Duration.ZERO));
        String again = logOf(() -> bridge[0].reload());

        assertThat(first.lines().filter(line -> line.contains(" WARN ")))
                .anySatisfy(line -> assertThat(line).contains("unknown key events.batchSzie", "nearest known key is events.batchSize"))
                .anySatisfy(line -> assertThat(line).contains("the last in the file, events.batchSize, wins"))
                .anySatisfy(line -> assertThat(line).contains("toggle.jwt and toggle.JWT"))
                .noneSatisfy(line -> assertThat(line).contains("server"));
        assertThat(first).doesNotContain(SECRET);
        assertThat(again).doesNotContain("WARN");
        assertThat(admin.properties.get("batch_size")).isEqualTo(2);
    }

    @Test
    void withoutAFileNothingIsWritten() {
        FakeConfigAdmin admin = new FakeConfigAdmin();

        YamlConfigurationBridge bridge = new YamlConfigurationBridge(null, admin.service(), new RodentYamlMapper(), Duration.ZERO);

        assertThat(bridge.reload()).isFalse();
        assertThat(admin.updates).isEmpty();
    }

    // Live reload: the watcher's thread applies the file; each test waits on the configuration itself.

    private YamlConfigurationBridge watching(FakeConfigAdmin admin, String yaml) throws Exception {
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(write(yaml), admin.service(), new RodentYamlMapper(),
                Duration.ofMillis(50));
        bridge.startWatching();
        assertThat(bridge.watching()).isTrue();
        return bridge;
    }

    private static void awaitUpdates(FakeConfigAdmin admin, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.updates.size() >= count);
    }

    @Test
    void aChangedFileIsAppliedWhileWatching() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = watching(admin, "events:\n  batch_size: 7\n");
        try {
            write("events:\n  batch_size: 8\n");

            awaitUpdates(admin, 2);
            assertThat(admin.properties.get("batch_size")).isEqualTo(8);
        } finally {
            bridge.deactivate();
        }
    }

    @Test
    void aKeyRemovedFromTheFileIsRemovedFromTheConfiguration() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = watching(admin, "events:\n  batch_size: 7\n  profile: minimal\ntoggle:\n  tls: true\n");
        try {
            write("events:\n  profile: minimal\n");

            awaitUpdates(admin, 2);
            assertThat(java.util.Collections.list(admin.properties.keys())).containsExactlyInAnyOrder("profile", CfgLayer.BRIDGE_MARKER);
        } finally {
            bridge.deactivate();
        }
    }

    @Test
    void aFileReplacedByRenameAsEditorsSaveIsApplied() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = watching(admin, "events:\n  batch_size: 7\n");
        try {
            Path saved = Files.writeString(dir.resolve(".rodent.yml.swp"), "events:\n  batch_size: 9\n");
            Files.move(saved, dir.resolve("rodent.yml"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            awaitUpdates(admin, 2);
            assertThat(admin.properties.get("batch_size")).isEqualTo(9);
        } finally {
            bridge.deactivate();
        }
    }

    @Test
    void aBrokenSaveKeepsThePreviousConfigurationUntilTheFileIsFixed() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = watching(admin, "events:\n  batch_size: 7\n");
        try {
            write("events: [\n");
            assertThat(bridge.reload()).isFalse();
            write("events:\n  batch_size: 8\n");

            awaitUpdates(admin, 2);
            assertThat(admin.updates).hasSize(2);
            assertThat(admin.properties.get("batch_size")).isEqualTo(8);
        } finally {
            bridge.deactivate();
        }
    }

    @Test
    void rewritingTheSameContentWritesNothing() throws Exception {
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = watching(admin, "events:\n  batch_size: 7\n");
        try {
            write("events:\n  # a comment only\n  batch_size: 7\n");
            write("events:\n  batch_size: 10\n");

            awaitUpdates(admin, 2);
            assertThat(admin.updates).hasSize(2);
            assertThat(admin.properties.get("batch_size")).isEqualTo(10);
        } finally {
            bridge.deactivate();
        }
    }

    @Test
    void deactivationStopsTheWatcherThread() throws Exception {
        YamlConfigurationBridge bridge = watching(new FakeConfigAdmin(), "events:\n  batch_size: 7\n");

        bridge.deactivate();

        assertThat(bridge.watching()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals(YamlConfigurationBridge.WATCHER_THREAD));
        bridge.deactivate();
    }
}
