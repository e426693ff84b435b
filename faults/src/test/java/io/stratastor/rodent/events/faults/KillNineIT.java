package io.stratastor.rodent.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratastor.rodent.events.toggle.ToggleSink;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a JVM emitting under load, then a restart: every accepted event reaches Toggle. */
class KillNineIT {
    private static final String TOKEN = "faults-token";

    @TempDir
    Path spoolDir;

    @ParameterizedTest(name = "schema {0}")
    @ValueSource(strings = {"2025-09", "2025-12"})
    void killMinusNineUnderLoadLosesNoAcceptedEvent(String schema) throws Exception {
        long total = Long.getLong("faults.load.events", 20_000) * 5;
        try (ToggleSink sink = ToggleSink.builder().port(0).exactToken(TOKEN).schema(schema).build().start()) {
            // A slow Toggle keeps a backlog in the spool when the JVM dies.
            sink.faults().delay(Duration.ofMillis(20));
            Process load = java(schema, "load", spoolDir.toString(), Integer.toString(sink.port()), TOKEN, Long.toString(total));
            long lastReported = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && lastReported < total / 2) {
                    if (line.startsWith("accepted ")) {
                        lastReported = Long.parseLong(line.substring("accepted ".length()));
                    }
                }
                load.destroyForcibly();
                assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(load.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            long deliveredBeforeRestart = sink.counts().unique();
            sink.faults().clear();

            Process drain = java(schema, "drain", spoolDir.toString(), Integer.toString(sink.port()), TOKEN);
            String drained = new String(drain.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(drain.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(drained).endsWith("drained 0 true");

            Set<Long> received = Received.sequences(sink);
            long highest = received.stream().mapToLong(Long::longValue).max().orElse(0);
            List<Long> prefix = LongStream.rangeClosed(1, highest).boxed().collect(Collectors.toList());
            assertThat(highest).as("every event reported accepted was delivered").isGreaterThanOrEqualTo(lastReported);
            assertThat(received).as("no gap: nothing accepted was lost").containsExactlyElementsOf(prefix);
            assertThat(deliveredBeforeRestart).as("the kill left a backlog to replay").isLessThan(highest);
            new ScenarioReport(schema.equals("2025-09") ? "kill-9" : "kill-9-" + schema).put("reported_accepted_at_kill", lastReported).put("accepted_on_disk", highest)
                    .put("delivered_before_kill", deliveredBeforeRestart).put("delivered_unique", received.size())
                    .put("duplicates", sink.counts().duplicates()).put("lost", highest - received.size()).write();
        }
    }

    private static Process java(String schema, String... args) throws Exception {
        File logs = new File(System.getProperty("faults.report.dir", "target"));
        java.nio.file.Files.createDirectories(logs.toPath());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xmx256m", "-Dfaults.schema=" + schema, "-cp",
                System.getProperty("java.class.path"), LoadMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(new File(logs, "load-" + args[0] + "-" + schema + ".log"))
                .start();
    }
}
