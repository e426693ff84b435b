package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Felix node reads {@code etc/rodent.events.cfg} (File Install) as well as rodent.yml: the
 * keys of both are in force, rodent.yml's value wins where both set a key, and an edit of the .cfg
 * while the node runs takes effect, rodent.yml still winning. Driven through the node's Gogo shell
 * on its stdin ({@code --interactive}); the shell's end of input stops the node.
 */
class CfgFileIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void theCfgAndRodentYmlComposeAndAnEditOfTheCfgAtRunTimeTakesEffect() throws Exception {
        Path home = DistributionCopy.of(work.resolve("node"));
        Path cfg = home.resolve("etc").resolve("rodent.events.cfg");
        Files.writeString(cfg, "# as in Karaf\nbatch_size = 37\nmax_retry_attempts = 4\n");
        Path yaml = Files.writeString(work.resolve("rodent.yml"), "events:\n  replay_rate: 9\n  max_retry_attempts: 6\n");

        Process node = new ProcessBuilder("bash", home.resolve("bin/rodent-events").toString(), "--config", yaml.toString(),
                "--interactive").redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = collect(node.getInputStream(), output);
        try (OutputStream shell = node.getOutputStream()) {
            awaitConfig(shell, output, Map.of("batch_size", "37"));
            assertThat(lastValue(output, "replay_rate")).as("rodent.yml's key").isEqualTo("9");
            assertThat(lastValue(output, "max_retry_attempts")).as("set in both: rodent.yml wins").isEqualTo("6");

            Files.writeString(cfg, "batch_size = 41\nmax_retry_attempts = 3\nflush_threshold = 77\n");
            // File Install writes the .cfg's values, then the bridge lays rodent.yml over them: wait for both.
            awaitConfig(shell, output, Map.of("batch_size", "41", "flush_threshold", "77", "max_retry_attempts", "6", "replay_rate", "9"));
        } finally {
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the node stops at the end of its shell's input").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(Files.readString(cfg)).as("File Install writes nothing back").isEqualTo(
                "batch_size = 41\nmax_retry_attempts = 3\nflush_threshold = 77\n");
        assertThat(node.exitValue()).as(output.toString()).isZero();
    }

    // Asks events:config until it shows each key's value (the .cfg is polled every second).
    private static void awaitConfig(OutputStream shell, StringBuffer output, Map<String, String> values) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
            shell.write("events:config\n".getBytes(StandardCharsets.UTF_8));
            shell.flush();
            return values.entrySet().stream().allMatch(entry -> entry.getValue().equals(lastValue(output, entry.getKey())));
        });
    }

    /** The value events:config last showed for {@code key} as set, or null. */
    private static String lastValue(StringBuffer output, String key) {
        Matcher rows = Pattern.compile("(?m)^(?:g! )?" + Pattern.quote(key) + " +(\\S+) +set\\b").matcher(output);
        String last = null;
        while (rows.find()) {
            last = rows.group(1);
        }
        return last;
    }

    private static Thread collect(InputStream from, StringBuffer into) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) >= 0;) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("\n(output unreadable: ").append(e).append(")\n");
            }
        }, "cfg-it-node-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
