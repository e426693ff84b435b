package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stratastor.rodent.events.core.impl.settings.PipelineConfiguration;
import io.stratastor.rodent.events.core.impl.settings.SettingsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.util.converter.Converters;

/**
 * Every key of {@code rodent.yml} with a value of the wrong type, one out of range and hostile
 * strings, driven down the real path: the bridge (with Config Admin faked), then, for what it
 * writes, the core's own check of the properties as DS hands them over. Each row names who refuses
 * it, or that it is accepted as inert text.
 */
class BadRodentYmlValueTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.YmFkLXZhbHVl.c2ln";
    private static final String GOOD = "events:\n  batch_size: 7\ntoggle:\n  jwt: " + SECRET + "\n";

    /** Who refuses a value: the bridge, the core's settings check, or nobody (the value is inert). */
    enum Outcome { BRIDGE, CORE, ACCEPTED }

    /** The bad values tried on every key, as YAML. */
    enum BadValue {
        WRONG_TYPE, OUT_OF_RANGE, CONTROL_CHARACTERS, HUNDRED_THOUSAND_CHARACTERS, SHELL_AND_PATH_WORDS;

        String yaml(RodentKeys.Key key) {
            return switch (this) {
                case WRONG_TYPE -> switch (key.kind()) {
                    case COUNT, BYTES, SECONDS -> "abc";
                    case BOOLEAN, TOGGLE_ENABLE -> "maybe";
                    case PLAIN -> "[one, two]";
                    case LIST, IGNORED -> "{a: 1}";
                };
                case OUT_OF_RANGE -> outOfRange(key);
                case CONTROL_CHARACTERS -> "\"\\e[31mred\\a\\r\"";
                case HUNDRED_THOUSAND_CHARACTERS -> "x".repeat(100_000);
                case SHELL_AND_PATH_WORDS -> "\"$(reboot)/../../etc\"";
            };
        }
    }

    private static String outOfRange(RodentKeys.Key key) {
        return switch (key.property()) {
            case "retry_backoff_base", "retry_backoff_max", "shutdown_timeout", "fsync_interval", "toggle.deadline" -> "100000";
            case "profile" -> "turbo";
            case "fsync_policy", "overflow_policy" -> "sometimes";
            case "toggle.schema" -> "2024-01";
            case "toggle.compression" -> "zstd";
            case "toggle.address" -> "toggle.example:70000";
            case "enabled_levels" -> "[info, loud]";
            case "enabled_categories" -> "[storage, weather]";
            case "redact_keys", "toggle.jwt", "spool_directory", "toggle.baseURL" -> "\"\"";
            case "toggle.jwt_file", "toggle.ca_file", "toggle.cert_file", "toggle.key_file" -> "/nonexistent/file.pem";
            default -> key.kind() == RodentKeys.Kind.BOOLEAN || key.kind() == RodentKeys.Kind.TOGGLE_ENABLE ? "2" : "-5";
        };
    }

    // Keys whose text is never parsed: an empty value or shell and path words are inert there.
    private static final List<String> INERT_TEXT = List.of("redact_keys", "toggle.jwt", "spool_directory");

    private static Outcome expected(RodentKeys.Key key, BadValue bad) {
        RodentKeys.Kind kind = key.kind();
        if (kind == RodentKeys.Kind.IGNORED) {
            return Outcome.ACCEPTED;
        }
        if (kind != RodentKeys.Kind.PLAIN && kind != RodentKeys.Kind.LIST) {
            boolean number = kind == RodentKeys.Kind.COUNT || kind == RodentKeys.Kind.BYTES || kind == RodentKeys.Kind.SECONDS;
            return number && bad == BadValue.OUT_OF_RANGE ? Outcome.CORE : Outcome.BRIDGE;
        }
        if (bad == BadValue.WRONG_TYPE) {
            return Outcome.BRIDGE;
        }
        boolean inertWords = bad == BadValue.OUT_OF_RANGE || bad == BadValue.SHELL_AND_PATH_WORDS;
        return inertWords && INERT_TEXT.contains(key.property()) ? Outcome.ACCEPTED : Outcome.CORE;
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (RodentKeys.Key key : RodentKeys.all()) {
            for (BadValue bad : BadValue.values()) {
                rows.add(Arguments.of(key.path(key.spellings().get(0)), bad, key));
            }
        }
        return rows.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void everyKeyWithABadValueIsRefusedNamingItOrIsInert(String path, BadValue bad, RodentKeys.Key key) throws Exception {
        String yaml = withValue(key, bad.yaml(key));
        Outcome outcome = expected(key, bad);
        Path file = Files.writeString(dir.resolve("rodent.yml"), GOOD);
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(file, admin.service(), new RodentYamlMapper(), Duration.ZERO);
        Files.writeString(file, yaml);

        Throwable fromBridge = catchThrowable(() -> new RodentYamlMapper().map(yaml, "rodent.yml"));
        if (outcome == Outcome.BRIDGE) {
            assertThat(fromBridge).as(path).isInstanceOf(RodentYamlException.class);
            assertClear(fromBridge.getMessage(), "rodent.yml: " + key.section() + ".");
            assertThat(bridge.reload()).isFalse();
            assertThat(admin.properties.get("batch_size")).as("configuration in force").isEqualTo(7);
            return;
        }
        assertThat(fromBridge).as(path + " passes the bridge").isNull();
        bridge.reload();
        Map<String, Object> written = new java.util.HashMap<>();
        for (String name : java.util.Collections.list(admin.properties.keys())) {
            written.put(name, admin.properties.get(name));
        }
        PipelineConfiguration config = Converters.standardConverter().convert(written).to(PipelineConfiguration.class);
        if (outcome == Outcome.CORE) {
            assertThatThrownBy(() -> SettingsBuilder.of(config).build()).as(path).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertClear(e.getMessage(), key.property()));
        } else {
            SettingsBuilder.of(config).build();
        }
    }

    @org.junit.jupiter.api.Test
    void aFileThatIsNotUtf8IsRefusedNamingItAndTheConfigurationStays() throws Exception {
        Path file = Files.writeString(dir.resolve("rodent.yml"), GOOD);
        FakeConfigAdmin admin = new FakeConfigAdmin();
        YamlConfigurationBridge bridge = new YamlConfigurationBridge(file, admin.service(), new RodentYamlMapper(), Duration.ZERO);
        Files.write(file, new byte[] {'e', 'v', 'e', 'n', 't', 's', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        assertThatThrownBy(() -> new RodentYamlMapper().read(file)).isInstanceOf(RodentYamlException.class)
                .hasMessage(file + ": not UTF-8 text");
        assertThat(bridge.reload()).isFalse();
        assertThat(admin.properties.get("batch_size")).isEqualTo(7);
    }

    // The good file with the key set to the bad value (and batch_size and the token kept unless they are the key).
    private static String withValue(RodentKeys.Key key, String value) {
        String line = "  " + key.spellings().get(0) + ": " + value + "\n";
        boolean events = key.section().equals(RodentYamlMapper.EVENTS_SECTION);
        return "events:\n" + (key.property().equals("batch_size") ? "" : "  batch_size: 7\n") + (events ? line : "")
                + "toggle:\n" + (key.property().equals("toggle.jwt") ? "" : "  jwt: " + SECRET + "\n") + (events ? "" : line);
    }

    private static void assertClear(String message, String naming) {
        assertThat(message).contains(naming).doesNotContain(SECRET).doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
                .hasSizeLessThan(400);
        assertThat(message.chars().filter(Character::isISOControl).count()).as("control characters in: " + message).isZero();
    }
}
