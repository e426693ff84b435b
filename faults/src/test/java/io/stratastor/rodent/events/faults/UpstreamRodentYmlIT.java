package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution started with a rodent.yml as upstream Rodent writes it — camelCase keys,
 * {@code rpcAddr}, an inline {@code jwt}, the file's other sections — ships to that Toggle with the
 * file's batch settings.
 */
class UpstreamRodentYmlIT {
    @TempDir
    Path work;

    @Test
    void anUpstreamFileDeliversToItsToggleWithItsBatchSettings() throws Exception {
        String token = "upstream-token-4711";
        Path home = DistributionCopy.of(work.resolve("node"));
        try (ToggleSink sink = ToggleSink.builder().port(0).exactToken(token).build().start()) {
            Path config = Files.writeString(work.resolve("rodent.yml"), String.join("\n",
                    "server:", "  port: 8042",
                    "logs:", "  path: /var/log/rodent", "  retention: 7d",
                    "events:", "  profile: low-latency", "  bufferSize: 5000", "  batchSize: 7", "  batchTimeout: 1",
                    "toggle:", "  enable: true", "  jwt: \"" + token + "\"", "  baseURL: \"https://toggle.example\"",
                    "  rpcAddr: \"127.0.0.1:" + sink.port() + "\"", ""));
            Path script = Files.writeString(work.resolve("session.gogo"), String.join("\n",
                    "events:emit storage.pool.created --payload '{\"pool_name\": \"tank\"}' --count 20",
                    "events:flush --timeout 30",
                    "events:stats", ""));

            Process node = new ProcessBuilder("bash", home.resolve("bin/rodent-events").toString(), "--config", config.toString(),
                    "--script", script.toString()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(node.exitValue()).as(output).isZero();
            assertThat(sink.uniqueEvents().stream().filter(event -> "storage.pool.created".equals(event.type())))
                    .as("the module's events reached the file's Toggle").hasSize(20);
            assertThat(sink.counts().undecodable()).isZero();
            assertThat(output).as("the file's batch settings are in force").containsPattern("\\nbatch_size +7\\n")
                    .containsPattern("\\ntoggle_address +127\\.0\\.0\\.1:" + sink.port() + "\\n").doesNotContain(token);
        }
    }
}
