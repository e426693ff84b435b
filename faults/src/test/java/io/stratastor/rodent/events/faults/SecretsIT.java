package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full session of the distribution at debug level — start, configuration, emits (one with a
 * secret-looking metadata value), stats, config, tail, spool, flush, stop — and a search of
 * everything it printed and every file it wrote for the token.
 */
class SecretsIT {

    @TempDir
    Path work;

    @Test
    void aFullDebugSessionNeverPrintsOrWritesTheToken() throws Exception {
        String token = "eyJhbGciOiJIUzI1NiJ9.secret-" + UUID.randomUUID();
        String password = "hunter2-" + UUID.randomUUID();
        Path home = DistributionCopy.of(work.resolve("node"));
        // The token is given inline, the harder case: nothing but this input file may hold it afterwards.
        Path configFile = work.resolve("rodent.yml");
        try (ToggleSink sink = ToggleSink.builder().port(0).exactToken(token).jsonOut(work.resolve("toggle.jsonl"))
                .capture(work.resolve("toggle.capture")).build().start()) {
            Path config = Files.writeString(configFile, String.join("\n",
                    "events:", "  batch_timeout: 0.2",
                    "toggle:", "  address: \"127.0.0.1:" + sink.port() + "\"", "  jwt: \"" + token + "\"", ""));
            Path script = Files.writeString(work.resolve("session.gogo"), String.join("\n",
                    "events:stats",
                    "events:config",
                    "events:emit storage.pool.created --payload '{\"pool_name\": \"tank\"}' --meta pool=tank --meta password=" + password,
                    "events:emit identity.user.created --payload '{\"username\": \"alice\"}' --count 5",
                    "events:flush --timeout 30",
                    "events:tail -n 10",
                    "events:spool",
                    "events:stats", ""));

            Process node = new ProcessBuilder("bash", home.resolve("bin/rodent-events").toString(), "--config", config.toString(),
                    "--script", script.toString(), "--log-level", "debug").redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as(output).isZero();
            assertThat(sink.uniqueEvents().stream().filter(event -> !"rodent-events-core".equals(event.metadata().get("emitted_by"))))
                    .as("the session delivered its events").hasSize(6);
            assertThat(output).as("the session ran at debug level").contains("DEBUG").contains("delivered to").doesNotContain(token);
            List<Path> holding = filesHolding(token, List.of(home, work), configFile);
            assertThat(holding).as("files holding the token").isEmpty();
            assertThat(Files.readString(work.resolve("toggle.jsonl"))).as("a secret-looking metadata value is redacted before it leaves")
                    .doesNotContain(password).contains("[REDACTED]");
            assertThat(filesHolding(password, List.of(home.resolve("data")), configFile)).as("nor is it spooled").isEmpty();
        }
    }

    private static List<Path> filesHolding(String token, List<Path> roots, Path configFile) throws IOException {
        byte[] needle = token.getBytes(StandardCharsets.UTF_8);
        List<Path> holding = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    if (!file.equals(configFile) && contains(Files.readAllBytes(file), needle)) {
                        holding.add(file);
                    }
                }
            }
        }
        return holding;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
