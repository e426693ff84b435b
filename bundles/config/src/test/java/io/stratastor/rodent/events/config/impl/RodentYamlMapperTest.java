package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RodentYamlMapperTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2ln";

    private final RodentYamlMapper mapper = new RodentYamlMapper();

    @Test
    void eventsKeysGoInAsTheyAreWithTheirTypes() throws Exception {
        MappedConfiguration mapped = mapper.map("""
                events:
                  profile: low-latency
                  buffer_size: 20000
                  max_file_size: 10000000000
                  batch_timeout: 0.5
                  enabled_levels: [error, critical]
                  replayRate: 500
                """, "rodent.yml");

        assertThat(mapped.properties())
                .containsEntry("profile", "low-latency")
                .containsEntry("buffer_size", 20000)
                .containsEntry("max_file_size", 10_000_000_000L)
                .containsEntry("batch_timeout", 0.5)
                .containsEntry("enabled_levels", new String[] {"error", "critical"})
                .containsEntry("replay_rate", 500);
        assertThat(mapped.properties().get("buffer_size")).isInstanceOf(Integer.class);
        assertThat(mapped.properties().get("replay_rate")).isInstanceOf(Integer.class);
        assertThat(mapped.ignoredSections()).isEmpty();
    }

    @Test
    void toggleKeysArePrefixed() throws Exception {
        MappedConfiguration mapped = mapper.map("""
                toggle:
                  address: toggle.example:50051
                  jwt: %s
                  jwt_file: /etc/rodent/toggle.jwt
                  tls: true
                  ca_file: /etc/rodent/ca.pem
                  deadline: 10
                  compression: gzip
                """.formatted(SECRET), "rodent.yml");

        assertThat(mapped.properties()).containsOnlyKeys("toggle.address", "toggle.jwt", "toggle.jwt_file", "toggle.tls",
                "toggle.ca_file", "toggle.deadline", "toggle.compression");
        assertThat(mapped.properties())
                .containsEntry("toggle.address", "toggle.example:50051")
                .containsEntry("toggle.compression", "gzip")
                .containsEntry("toggle.tls", true)
                .containsEntry("toggle.deadline", 10);
    }

    @Test
    void listItemsBecomeStrings() throws Exception {
        MappedConfiguration mapped = mapper.map("events:\n  enabled_categories:\n    - storage\n    - 7\n    - true\n", "f");

        assertThat((String[]) mapped.properties().get("enabled_categories")).containsExactly("storage", "7", "true");
    }

    @Test
    void keysWithoutValueAreLeftOutAndEmptySectionsAddNothing() throws Exception {
        MappedConfiguration mapped = mapper.map("events:\n  profile:\n  batch_size: 10\ntoggle:\n", "f");

        assertThat(mapped.properties()).containsOnlyKeys("batch_size");
    }

    @Test
    void emptyFileMapsToNoProperties() throws Exception {
        assertThat(mapper.map("", "f").properties()).isEmpty();
        assertThat(mapper.map("# only a comment\n", "f").properties()).isEmpty();
    }

    @Test
    void otherSectionsAreLeftAloneWithoutANotice() throws Exception {
        MappedConfiguration mapped = mapper.map("server:\n  port: 8042\nevents:\n  batch_size: 5\nlogs: {level: info}\n"
                + "environment: prod\n", "f");

        assertThat(mapped.ignoredSections()).containsExactly("server", "logs", "environment");
        assertThat(mapped.properties()).containsOnlyKeys("batch_size");
        assertThat(mapped.notices()).isEmpty();
    }

    @Test
    void malformedYamlNamesFileAndPositionButNotTheLine() {
        assertThatThrownBy(() -> mapper.map("toggle:\n  jwt: " + SECRET + "\n   address: [x\n", "/etc/rodent/rodent.yml"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessageStartingWith("/etc/rodent/rodent.yml: malformed YAML: ")
                .hasMessageContaining("line ")
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("\n");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> mapper.map("events:\n  batch_size: 1\n  batch_size: 2\n", "f"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessageContaining("duplicate key batch_size");
    }

    @Test
    void nonMapSectionIsRefusedWithItsName() {
        assertThatThrownBy(() -> mapper.map("events:\n  - batch_size\n", "f"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessage("f: section 'events' must be a map of keys, found a list");
        assertThatThrownBy(() -> mapper.map("toggle: localhost:50051\n", "f"))
                .hasMessage("f: section 'toggle' must be a map of keys, found a plain value");
    }

    @Test
    void nonMapRootIsRefused() {
        assertThatThrownBy(() -> mapper.map("- events\n", "f"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessageContaining("expected a map of sections");
    }

    @Test
    void nestedMapValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> mapper.map("toggle:\n  jwt:\n    value: " + SECRET + "\n", "f"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessageStartingWith("f: toggle.jwt is a map;")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void timestampValueIsRefusedWithAHintToQuote() {
        assertThatThrownBy(() -> mapper.map("events:\n  profile: 2024-01-01\n", "f"))
                .hasMessageContaining("events.profile is a timestamp")
                .hasMessageContaining("quote");
    }

    @Test
    void hugeNumberIsOutOfRange() {
        assertThatThrownBy(() -> mapper.map("events:\n  max_file_size: 99999999999999999999\n", "f"))
                .hasMessageContaining("events.max_file_size is out of range");
    }

    @Test
    void readsFileAsUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rodent.yml");
        Files.writeString(file, "events:\n  profile: minimal # é\n", StandardCharsets.UTF_8);

        assertThat(mapper.read(file).properties()).containsEntry("profile", "minimal");
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.yml");

        assertThatThrownBy(() -> mapper.read(file)).isInstanceOf(RodentYamlException.class).hasMessage(file + ": no such file");
    }

    @Test
    void theDistributionsRodentYmlMapsWithoutNotices() throws Exception {
        MappedConfiguration mapped = mapper.read(Path.of(System.getProperty("basedir", "."))
                .resolve("../../distribution/src/main/dist/etc/rodent.yml"));

        assertThat(mapped.properties()).containsOnlyKeys("profile", "toggle.address");
        assertThat(mapped.notices()).isEmpty();
    }

    @Test
    void toStringShowsKeysOnly() throws Exception {
        MappedConfiguration mapped = mapper.map("toggle:\n  jwt: " + SECRET + "\n", "f");

        assertThat(mapped.toString()).contains("toggle.jwt").doesNotContain(SECRET);
    }
}
