package io.stratastor.rodent.events.config.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rodent.yml files as upstream Rodent reads and writes them. */
class UpstreamRodentYamlTest {
    private static final String SECRET = "eyJhbGciOiJIUzI1NiJ9.dXBzdHJlYW0.c2ln";
    // The example operators copy, in the distribution.
    private static final Path UPSTREAM_EXAMPLE = Path.of(System.getProperty("basedir", "."))
            .resolve("../../distribution/src/main/dist/etc/examples/rodent-upstream.yml");

    private final RodentYamlMapper mapper = new RodentYamlMapper();

    private static List<String> messages(MappedConfiguration mapped) {
        return mapped.notices().stream().map(Notice::message).toList();
    }

    @Test
    void aFileWrittenForUpstreamRodentMapsToThePidProperties() throws Exception {
        MappedConfiguration mapped = mapper.map("""
                server:
                  port: 8042
                  logLevel: info
                logs:
                  level: info
                  path: /var/log/rodent/rodent.log
                keys:
                  ssh:
                    username: ubuntu
                ad:
                  realm: AD.STRATA.INTERNAL
                environment: prod
                events:
                  profile: low-latency
                  bufferSize: 5000
                  flushThreshold: 4000
                  batchSize: 50
                  batchTimeout: 5
                  maxFileSize: 10485760
                toggle:
                  enable: true
                  jwt: %s
                  rpcAddr: toggle.example:50051
                """.formatted(SECRET), "/etc/rodent/rodent.yml");

        assertThat(mapped.properties()).isEqualTo(Map.of(
                "profile", "low-latency",
                "buffer_size", 5000,
                "flush_threshold", 4000,
                "batch_size", 50,
                "batch_timeout", 5,
                "max_file_size", 10_485_760L,
                "toggle.address", "toggle.example:50051",
                "toggle.jwt", SECRET));
        assertThat(mapped.notices()).isEmpty();
    }

    @Test
    void theDistributionsUpstreamExampleMapsAsDocumented() throws Exception {
        MappedConfiguration mapped = mapper.read(UPSTREAM_EXAMPLE);

        assertThat(mapped.properties()).isEqualTo(Map.of(
                "profile", "default",
                "buffer_size", 20000,
                "flush_threshold", 18000,
                "batch_size", 100,
                "batch_timeout", 30,
                "max_file_size", 10_485_760L,
                "toggle.address", "toggle.example:50051",
                "toggle.jwt", "REPLACE-WITH-THE-NODE-JWT"));
        assertThat(mapped.ignoredSections()).containsExactly("server", "logs", "logger", "keys", "environment");
        assertThat(mapped.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.warning()).isFalse();
            assertThat(notice.message()).contains("toggle.baseURL is ignored").doesNotContain("https://");
        });
    }

    @Test
    void aFileSavedByUpstreamRodentWithLowerCaseKeysAndNullsMaps() throws Exception {
        // Rodent's SaveConfig marshals its Config struct with yaml.v3 and no yaml tags: field names
        // lower-cased, unset pointers as null.
        MappedConfiguration mapped = mapper.map("""
                server:
                  port: 8042
                  loglevel: debug
                toggle:
                  enable: true
                  jwt: %s
                  baseurl: ""
                  rpcaddr: 10.0.0.5:50051
                events:
                  profile: default
                  buffersize: null
                  flushthreshold: null
                  batchsize: 200
                  batchtimeout: null
                  maxfilesize: null
                environment: dev
                """.formatted(SECRET), "rodent.yml");

        assertThat(mapped.properties()).isEqualTo(Map.of(
                "profile", "default", "batch_size", 200, "toggle.address", "10.0.0.5:50051", "toggle.jwt", SECRET));
        assertThat(mapped.notices()).isEmpty();
    }

    @Test
    void keysAndSectionsMatchWhateverTheirCase() throws Exception {
        MappedConfiguration mapped = mapper.map("Events:\n  BATCHSIZE: 7\n  Batch_Timeout: 2\nTOGGLE:\n  RpcAddr: h:1\n", "f");

        assertThat(mapped.properties()).isEqualTo(Map.of("batch_size", 7, "batch_timeout", 2, "toggle.address", "h:1"));
    }

    @Test
    void upstreamValueFormsAreConverted() throws Exception {
        MappedConfiguration mapped = mapper.map("""
                events:
                  batchTimeout: 500ms
                  batchSize: "100"
                  maxFileSize: "1048576"
                  shutdownTimeout: 1m
                toggle:
                  deadline: 30s
                  tls: "true"
                """, "f");

        assertThat(mapped.properties()).isEqualTo(Map.of("batch_timeout", 0.5, "batch_size", 100, "max_file_size", 1_048_576L,
                "shutdown_timeout", 60.0, "toggle.deadline", 30.0, "toggle.tls", true));
    }

    @Test
    void aValueThatDoesNotConvertIsAnErrorNamingTheKeyAsWritten() {
        assertThatThrownBy(() -> mapper.map("events:\n  batchTimeout: soon\n", "rodent.yml"))
                .isInstanceOf(RodentYamlException.class)
                .hasMessage("rodent.yml: events.batchTimeout is not a duration; expected seconds (30, 0.5) or a Go duration (30s, 500ms, 1m)");
        assertThatThrownBy(() -> mapper.map("toggle:\n  enable: " + SECRET + "\n", "rodent.yml"))
                .hasMessage("rodent.yml: toggle.enable is not true or false");
    }

    @Test
    void toggleEnableFalseLeavesTheAddressOutAndSaysSo() throws Exception {
        MappedConfiguration mapped = mapper.map("toggle:\n  rpcAddr: toggle.example:50051\n  jwt: " + SECRET + "\n  enable: false\n"
                + "events:\n  batchSize: 10\n", "rodent.yml");

        assertThat(mapped.properties()).containsOnlyKeys("batch_size", "toggle.jwt");
        assertThat(mapped.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.warning()).isFalse();
            assertThat(notice.message()).startsWith("rodent.yml: Toggle is disabled by toggle.enable: false;")
                    .contains("toggle.address is left out", "not_configured").doesNotContain(SECRET);
        });
    }

    @Test
    void toggleEnabledTrueOrAbsentKeepsTheAddress() throws Exception {
        assertThat(mapper.map("toggle:\n  address: h:1\n  enabled: true\n", "f").properties()).containsOnlyKeys("toggle.address");
        assertThat(mapper.map("toggle:\n  address: h:1\n", "f").notices()).isEmpty();
    }

    @Test
    void anUnknownKeyIsIgnoredWithAWarningNamingTheNearestKnownKey() throws Exception {
        MappedConfiguration mapped = mapper.map("events:\n  batchSzie: 5\ntoggle:\n  adress: h:1\n  jwtt: " + SECRET + "\n", "f");

        assertThat(mapped.properties()).isEmpty();
        assertThat(mapped.notices()).allMatch(Notice::warning);
        assertThat(messages(mapped)).containsExactly(
                "f: unknown key events.batchSzie is ignored; the nearest known key is events.batchSize",
                "f: unknown key toggle.adress is ignored; the nearest known key is toggle.address",
                "f: unknown key toggle.jwtt is ignored; the nearest known key is toggle.jwt");
    }

    @Test
    void aKeyGivenUnderTwoSpellingsWarnsAndTheLastInTheFileWins() throws Exception {
        MappedConfiguration mapped = mapper.map("events:\n  batch_size: 1\n  batchSize: 2\n  BatchTimeout: 3\n  batch_timeout: 4\n"
                + "toggle:\n  address: a:1\n  rpcAddr: b:2\n  jwt: x" + SECRET + "\n  JWT: " + SECRET + "\n", "f");

        assertThat(mapped.properties()).isEqualTo(Map.of("batch_size", 2, "batch_timeout", 4, "toggle.address", "b:2", "toggle.jwt", SECRET));
        assertThat(mapped.notices()).allMatch(Notice::warning);
        assertThat(messages(mapped)).containsExactly(
                "f: events.batch_size and events.batchSize both set batch_size; the last in the file, events.batchSize, wins",
                "f: events.BatchTimeout and events.batch_timeout both set batch_timeout; the last in the file, events.batch_timeout, wins",
                "f: toggle.address and toggle.rpcAddr both set toggle.address; the last in the file, toggle.rpcAddr, wins",
                "f: toggle.jwt and toggle.JWT both set toggle.jwt; the last in the file, toggle.JWT, wins");
        assertThat(String.join("\n", messages(mapped))).doesNotContain(SECRET);
    }

    @Test
    void aKeyWithoutAValueDoesNotCountAsGiven() throws Exception {
        MappedConfiguration mapped = mapper.map("events:\n  batch_size: 50\n  batchsize: null\n", "f");

        assertThat(mapped.properties()).isEqualTo(Map.of("batch_size", 50));
        assertThat(mapped.notices()).isEmpty();
    }

    @Test
    void baseUrlIsAcceptedAndIgnoredWithAnInfo() throws Exception {
        MappedConfiguration mapped = mapper.map("toggle:\n  baseURL: https://toggle.example/api\n  address: h:1\n", "f");

        assertThat(mapped.properties()).containsOnlyKeys("toggle.address");
        assertThat(mapped.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.warning()).isFalse();
            assertThat(notice.message()).isEqualTo("f: toggle.baseURL is ignored: the node sends events over gRPC to toggle.address"
                    + " (upstream's rpcAddr) and does not use Toggle's REST URL");
        });
    }
}
